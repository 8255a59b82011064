"use server";

// Server actions of community investment supervision boards: each checks who is asking and for which
// commune (communeActionClient, roles in ./roles.ts), then hands over to the domain module, which checks
// board membership for members' acts.
import { revalidatePath } from "next/cache";

import { communeActionClient } from "@/lib/actions/safe-action";

import { answerRequest, publishFinding, recordFinding, recordVisit, sendRequest } from "./activity";
import { dissolveBoard, setupBoard } from "./boards";
import { ANSWER_ROLES, DISSOLVE_ROLES, MEMBER_GATE_ROLES, SETUP_ROLES } from "./roles";
import { answerRequestSchema, dissolveBoardSchema, publishFindingSchema, recordFindingSchema, recordVisitSchema, sendRequestSchema, setupBoardSchema } from "./schemas";

const refresh = () => revalidatePath("/[locale]/[commune]/supervision", "layout");

export const setupSupervisionBoardAction = communeActionClient("setupSupervisionBoard", SETUP_ROLES)
  .inputSchema(setupBoardSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await setupBoard(ctx.access, parsedInput);
    refresh();
    return result;
  });

export const dissolveSupervisionBoardAction = communeActionClient("dissolveSupervisionBoard", DISSOLVE_ROLES)
  .inputSchema(dissolveBoardSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await dissolveBoard(ctx.access, parsedInput);
    refresh();
    return result;
  });

export const recordSupervisionVisitAction = communeActionClient("recordSupervisionVisit", MEMBER_GATE_ROLES)
  .inputSchema(recordVisitSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await recordVisit(ctx.access, parsedInput);
    refresh();
    return result;
  });

export const recordSupervisionFindingAction = communeActionClient("recordSupervisionFinding", MEMBER_GATE_ROLES)
  .inputSchema(recordFindingSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await recordFinding(ctx.access, parsedInput);
    refresh();
    return result;
  });

export const publishSupervisionFindingAction = communeActionClient("publishSupervisionFinding", MEMBER_GATE_ROLES)
  .inputSchema(publishFindingSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await publishFinding(ctx.access, parsedInput.findingId);
    refresh();
    return result;
  });

export const sendSupervisionRequestAction = communeActionClient("sendSupervisionRequest", MEMBER_GATE_ROLES)
  .inputSchema(sendRequestSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await sendRequest(ctx.access, parsedInput);
    refresh();
    return result;
  });

export const answerSupervisionRequestAction = communeActionClient("answerSupervisionRequest", ANSWER_ROLES)
  .inputSchema(answerRequestSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await answerRequest(ctx.access, parsedInput);
    refresh();
    return result;
  });
