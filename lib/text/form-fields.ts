// Form fields that several domains read the same way (zod). Error messages are keys under "errors".
import { z } from "zod";

/** Optional free text from a form: trimmed, at most `max` characters; "" is "not given" (null). */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "tooLong" })
    .nullish()
    .transform((v) => v || null);

/** A form's checkbox ("on") or a JSON boolean. */
export const formFlag = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .nullish()
  .transform((v) => v === true || v === "on" || v === "true");
