"use server";

import { getLocale } from "next-intl/server";

import { actionClient, userActionClient } from "@/lib/actions/safe-action";
import { requestAddress } from "@/lib/network/request-address";
import { normalizePhone } from "@/lib/people/phone";

import { changePassword } from "./password-change";
import { requestPasswordReset, resetPassword } from "./password-reset";
import { changePasswordSchema, requestResetSchema, resetPasswordSchema } from "./schemas";

/** The signed-in person, with their current password. */
export const changePasswordAction = userActionClient
  .metadata({ name: "changePassword" })
  .inputSchema(changePasswordSchema)
  .action(async ({ parsedInput, ctx }) => changePassword(ctx.user.id, parsedInput));

/** Anyone: the answer is the same whether or not the number has an account. */
export const requestPasswordResetAction = actionClient
  .metadata({ name: "requestPasswordReset" })
  .inputSchema(requestResetSchema)
  .action(async ({ parsedInput }) =>
    requestPasswordReset({ phone: normalizePhone(parsedInput.phone)!, ip: await requestAddress(), locale: await getLocale() }),
  );

/** Anyone holding the code sent to the account's phone. */
export const resetPasswordAction = actionClient
  .metadata({ name: "resetPassword" })
  .inputSchema(resetPasswordSchema)
  .action(async ({ parsedInput }) => resetPassword({ ...parsedInput, phone: normalizePhone(parsedInput.phone)! }));
