"use server";

import { communeActionClient } from "@/lib/actions/safe-action";

import { addMember, recordBoard, removeMember } from "./board";
import { answerItem, countersign, fileItem, sendPlan } from "./items";
import { ANSWERING_ROLES, BOARD_WRITER_ROLES, FRONT_BOARD_ROLES } from "./roles";
import { addMemberSchema, answerSchema, fileItemSchema, itemIdSchema, memberIdSchema, recordBoardSchema } from "./schemas";

/** The Front records the board's term and its recognition (Law 10/2022 Art. 36, 40.2). */
export const recordInspectionBoardAction = communeActionClient("recordInspectionBoard", FRONT_BOARD_ROLES)
  .inputSchema(recordBoardSchema)
  .action(async ({ parsedInput, ctx }) => recordBoard(ctx.access, parsedInput));

/** The Front adds a member (one per village); an account named gets the INSPECTOR role. */
export const addInspectionMemberAction = communeActionClient("addInspectionMember", FRONT_BOARD_ROLES)
  .inputSchema(addMemberSchema)
  .action(async ({ parsedInput, ctx }) => addMember(ctx.access, parsedInput));

export const removeInspectionMemberAction = communeActionClient("removeInspectionMember", FRONT_BOARD_ROLES)
  .inputSchema(memberIdSchema)
  .action(async ({ parsedInput, ctx }) => removeMember(ctx.access, parsedInput.memberId));

/** A board member files a plan, a request, a verification, a recommendation or minutes. */
export const fileInspectionItemAction = communeActionClient("fileInspectionItem", BOARD_WRITER_ROLES)
  .inputSchema(fileItemSchema)
  .action(async ({ parsedInput, ctx }) => fileItem(ctx.access, parsedInput));

/** A board member sends a plan (at least 5 working days ahead, Decree 59/2023 Art. 14). */
export const sendInspectionPlanAction = communeActionClient("sendInspectionPlan", BOARD_WRITER_ROLES)
  .inputSchema(itemIdSchema)
  .action(async ({ parsedInput, ctx }) => sendPlan(ctx.access, parsedInput.itemId));

/** The Front countersigns minutes or a recommendation (Art. 40.2.d). */
export const countersignInspectionItemAction = communeActionClient("countersignInspectionItem", FRONT_BOARD_ROLES)
  .inputSchema(itemIdSchema)
  .action(async ({ parsedInput, ctx }) => countersign(ctx.access, parsedInput.itemId));

/** Staff or a leader answer a request or a recommendation (Art. 40.1: within 15 days). */
export const answerInspectionItemAction = communeActionClient("answerInspectionItem", ANSWERING_ROLES)
  .inputSchema(answerSchema)
  .action(async ({ parsedInput, ctx }) => answerItem(ctx.access, parsedInput));
