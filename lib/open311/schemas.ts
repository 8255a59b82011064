import { z } from "zod";

const communeId = z.string().min(1).max(40);

export const createOpen311ClientSchema = z.object({
  communeId,
  name: z.string().trim().min(2, { error: "tooShort" }).max(120, { error: "tooLong" }),
  contact: z
    .string()
    .trim()
    .max(200, { error: "tooLong" })
    .nullish()
    .transform((v) => v || null),
});

export const revokeOpen311ClientSchema = z.object({ communeId, clientId: z.string().min(1).max(40) });
