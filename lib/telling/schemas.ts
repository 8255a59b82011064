import { z } from "zod";

export const textMessagesSchema = z.object({
  communeId: z.string().min(1).max(40),
  textMessages: z.boolean(),
});
