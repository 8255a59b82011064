"use server";

import { communeActionClient } from "@/lib/actions/safe-action";

import { bookSlot, cancelBooking } from "./bookings";
import { issueConclusionNotice } from "./conclusion-notice";
import { openCaseFromVisit, openSession, recordVisit } from "./register";
import { BOOKING_ROLES, REGISTER_KEEPER_ROLES } from "./roles";
import { saveSchedule } from "./schedule";
import { bookSchema, cancelBookingSchema, openCaseSchema, openSessionSchema, scheduleSchema, sessionIdSchema, visitSchema } from "./schemas";

/** The chair's reception days: staff and leaders set them, never below one a week. */
export const saveReceptionScheduleAction = communeActionClient("saveReceptionSchedule", REGISTER_KEEPER_ROLES)
  .inputSchema(scheduleSchema)
  .action(async ({ parsedInput, ctx }) => saveSchedule(ctx.access, parsedInput));

export const bookReceptionSlotAction = communeActionClient("bookReceptionSlot", BOOKING_ROLES)
  .inputSchema(bookSchema)
  .action(async ({ parsedInput, ctx }) => bookSlot(ctx.access, parsedInput));

export const cancelReceptionBookingAction = communeActionClient("cancelReceptionBooking", BOOKING_ROLES)
  .inputSchema(cancelBookingSchema)
  .action(async ({ parsedInput, ctx }) => {
    await cancelBooking(ctx.access, parsedInput.bookingId);
    return { ok: true };
  });

export const openReceptionSessionAction = communeActionClient("openReceptionSession", REGISTER_KEEPER_ROLES)
  .inputSchema(openSessionSchema)
  .action(async ({ parsedInput, ctx }) => openSession(ctx.access, parsedInput));

export const recordReceptionVisitAction = communeActionClient("recordReceptionVisit", REGISTER_KEEPER_ROLES)
  .inputSchema(visitSchema)
  .action(async ({ parsedInput, ctx }) => recordVisit(ctx.access, parsedInput));

export const openCaseFromVisitAction = communeActionClient("openCaseFromVisit", REGISTER_KEEPER_ROLES)
  .inputSchema(openCaseSchema)
  .action(async ({ parsedInput, ctx }) => openCaseFromVisit(ctx.access, parsedInput.visitId, parsedInput.categoryId));

export const issueConclusionNoticeAction = communeActionClient("issueConclusionNotice", REGISTER_KEEPER_ROLES)
  .inputSchema(sessionIdSchema)
  .action(async ({ parsedInput, ctx }) => issueConclusionNotice(ctx.access, parsedInput.sessionId));
