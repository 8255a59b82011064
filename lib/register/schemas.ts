// Input of the document register. Error messages are keys under "errors" (errors.register.json).
import { z } from "zod";

const id = z.string().min(1).max(40);

/** The number the commune's own register gave: a whole number from 1 (Decree 30 numbers start at 01 each year). */
export const registerNumberSchema = z.object({
  communeId: id,
  documentId: id,
  number: z.coerce.number({ error: "registerNumberInvalid" }).int({ error: "registerNumberInvalid" }).min(1, { error: "registerNumberInvalid" }).max(99_999, { error: "registerNumberInvalid" }),
});

export const NUMBERING_MODES = ["SEQUENCE", "TYPED"] as const;
export type NumberingMode = (typeof NUMBERING_MODES)[number];

export const numberingModeSchema = z.object({ communeId: id, mode: z.enum(NUMBERING_MODES, { error: "registerModeInvalid" }) });
