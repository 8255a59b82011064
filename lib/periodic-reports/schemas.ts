// Input of the periodic reports. Error messages are keys under "errors" (errors.periodicReports.json).
import { z } from "zod";

import { parseReportPeriod } from "./periods";

const text = z.string().trim().max(8000, { error: "tooLong" });

export const periodKeySchema = z.string().trim().refine((v) => parseReportPeriod(v) !== null, { error: "periodicPeriodInvalid" });

export const saveTextsSchema = z.object({
  communeId: z.string().min(1).max(40),
  period: periodKeySchema,
  introduction: text.min(1, { error: "required" }),
  assessment: text,
  recommendations: text,
});
export type SaveTextsValues = z.infer<typeof saveTextsSchema>;

export const issueSchema = z.object({ communeId: z.string().min(1).max(40), period: periodKeySchema });
