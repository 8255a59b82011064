import { z } from "zod";

import { isIsoDate } from "@/lib/consultations/periods";

const id = z.string().min(1).max(40);
const line = (max: number) => z.string().trim().min(3, { error: "tooShort" }).max(max, { error: "tooLong" });
const vnDate = z.string().refine(isIsoDate, { error: "invalidDate" });

export const proposeInitiativeSchema = z.object({ communeId: id, matter: line(200), description: z.string().trim().min(10, { error: "tooShort" }).max(3000, { error: "tooLong" }) });
export type ProposeValues = z.output<typeof proposeInitiativeSchema>;
export const signInitiativeSchema = z.object({ communeId: id, initiativeId: id });
export const paperInitiativeSignatureSchema = z.object({ communeId: id, initiativeId: id, householdCode: line(40), signedOn: vnDate });
export type PaperValues = z.output<typeof paperInitiativeSignatureSchema>;
export const recordPutSchema = z.object({ communeId: id, initiativeId: id, putOn: vnDate, meeting: line(300) });
export type RecordPutValues = z.output<typeof recordPutSchema>;
