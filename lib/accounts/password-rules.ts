import { z } from "zod";

// The one rule for a new password, wherever one is chosen (registration, reset, change, the first
// administrator): 8 to 200 characters. Longer passphrases are welcome; 200 bounds the hashing work.
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, { error: "passwordTooShort" })
  .max(PASSWORD_MAX, { error: "tooLong" });
