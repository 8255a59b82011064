import { z } from "zod";

const id = z.string().min(1).max(40);

export const decideMeetingCountSchema = z.object({
  communeId: id,
  proposalId: id,
  decision: z.enum(["CONFIRM", "REJECT"]),
  note: z.string().trim().min(5, { error: "sourceReasonRequired" }).max(500, { error: "tooLong" }),
});
export type DecideMeetingCountValues = Omit<z.infer<typeof decideMeetingCountSchema>, "communeId">;
