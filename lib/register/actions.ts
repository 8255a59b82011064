"use server";

import { communeActionClient } from "@/lib/actions/safe-action";

import { setNumberingMode } from "./numbering-mode";
import { recordRegisterNumber } from "./record-number";
import { ISSUING_ROLES, REGISTER_MODE_ROLES } from "./roles";
import { numberingModeSchema, registerNumberSchema } from "./schemas";

/** Staff type the number the commune's own register gave a document; a number taken that year is refused. */
export const recordRegisterNumberAction = communeActionClient("recordRegisterNumber", ISSUING_ROLES)
  .inputSchema(registerNumberSchema)
  .action(async ({ parsedInput, ctx }) => recordRegisterNumber(ctx.access, parsedInput));

/** A leader chooses whether Dân Bàn numbers documents in turn or staff type the register's numbers. */
export const setNumberingModeAction = communeActionClient("setNumberingMode", REGISTER_MODE_ROLES)
  .inputSchema(numberingModeSchema)
  .action(async ({ parsedInput, ctx }) => setNumberingMode(ctx.access, parsedInput));
