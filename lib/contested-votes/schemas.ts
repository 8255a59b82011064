import { z } from "zod";

const id = z.string().min(1).max(40);
const words = z.string().trim().min(10, { error: "tooShort" }).max(1000, { error: "tooLong" });

export const disputeVoteSchema = z.object({ communeId: id, voteId: id, statement: words });
export const proposeVoidSchema = z.object({ communeId: id, disputeId: id, reason: words });
export const decideVoidSchema = z.object({ communeId: id, disputeId: id, decision: z.enum(["CONFIRM", "REJECT"]), note: words });
export const listDisputesSchema = z.object({ communeId: id, consultationId: id.optional() });

export type DisputeVoteValues = Omit<z.infer<typeof disputeVoteSchema>, "communeId">;
export type ProposeVoidValues = Omit<z.infer<typeof proposeVoidSchema>, "communeId">;
export type DecideVoidValues = Omit<z.infer<typeof decideVoidSchema>, "communeId">;
