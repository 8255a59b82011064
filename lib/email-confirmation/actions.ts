"use server";

import { z } from "zod";

import { actionClient, userActionClient } from "@/lib/actions/safe-action";

import { resendConfirmation } from "./resend";
import { confirmEmail } from "./tokens";

/** Anyone holding the link: the token is the proof, no session is needed (the mail may be read on another device). */
export const confirmEmailAction = actionClient
  .metadata({ name: "confirmEmail" })
  .inputSchema(z.object({ token: z.string().trim().min(20, { error: "emailConfirmUnknown" }).max(100, { error: "emailConfirmUnknown" }) }))
  .action(async ({ parsedInput }) => confirmEmail(parsedInput.token));

/** The signed-in person, for their own address. */
export const resendEmailConfirmationAction = userActionClient
  .metadata({ name: "resendEmailConfirmation" })
  .inputSchema(z.object({}))
  .action(async ({ ctx }) => resendConfirmation(ctx.user.id));
