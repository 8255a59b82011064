"use server";

import { communeActionClient } from "@/lib/actions/safe-action";

import { issuePeriodicReport, savePeriodicTexts } from "./periodic-report";
import { PERIODIC_WRITER_ROLES } from "./roles";
import { issueSchema, saveTextsSchema } from "./schemas";

/** Staff save the text around the figures of a periodic report (a draft). */
export const savePeriodicReportAction = communeActionClient("savePeriodicReport", PERIODIC_WRITER_ROLES)
  .inputSchema(saveTextsSchema)
  .action(async ({ parsedInput, ctx }) => savePeriodicTexts(ctx.access, parsedInput));

/** Issue the report of a period that is over: it takes the register's next BC number and keeps its figures. */
export const issuePeriodicReportAction = communeActionClient("issuePeriodicReport", PERIODIC_WRITER_ROLES)
  .inputSchema(issueSchema)
  .action(async ({ parsedInput, ctx }) => issuePeriodicReport(ctx.access, parsedInput.period));
