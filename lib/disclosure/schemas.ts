// Shared by the staff form (react-hook-form resolver) and the server. Messages are keys under "errors".
import { z } from "zod";

import { isIsoDate } from "@/lib/consultations/periods";
import { PostingChannel } from "@/lib/generated/prisma/enums";

import { isRealDate } from "./broadcast-days";

/** The web portal posting is the publication's own period on this site: never recorded by hand. */
export const RECORDABLE_CHANNELS = Object.values(PostingChannel).filter((c) => c !== "WEB_PORTAL") as Exclude<PostingChannel, "WEB_PORTAL">[];
export type RecordableChannel = (typeof RECORDABLE_CHANNELS)[number];

/** Broadcast days one record may hold: a month of daily broadcasts is plenty. */
export const MAX_BROADCAST_DATES = 31;

const date = z.string().refine((v) => isIsoDate(v) && isRealDate(v), { error: "invalidDate" });
const optionalDate = z
  .string()
  .nullable()
  .optional()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || (isIsoDate(v) && isRealDate(v)), { error: "invalidDate" });

export const postingFields = z.object({
  communeId: z.string().min(1).max(40),
  consultationId: z.string().min(1).max(40),
  channel: z.enum(RECORDABLE_CHANNELS, { error: "postingChannelInvalid" }),
  location: z.string().trim().max(300, { error: "tooLong" }),
  startsAt: optionalDate,
  endsAt: optionalDate,
  broadcastDates: z.array(date).max(MAX_BROADCAST_DATES, { error: "tooManyBroadcastDates" }),
  photoId: z.string().max(40).nullable(),
  note: z.string().trim().max(1000, { error: "tooLong" }),
});

/** What each channel needs: a place and a first day, or the days broadcast. */
export const postingSchema = postingFields.superRefine((v, ctx) => {
  if (v.channel === "LOUDSPEAKER") {
    if (v.broadcastDates.length === 0) ctx.addIssue({ code: "custom", path: ["broadcastDates"], message: "broadcastDatesRequired" });
    if (new Set(v.broadcastDates).size !== v.broadcastDates.length) ctx.addIssue({ code: "custom", path: ["broadcastDates"], message: "broadcastDateTwice" });
    if (v.photoId) ctx.addIssue({ code: "custom", path: ["photoId"], message: "photoNotForBroadcast" });
    return;
  }
  if (v.location.length < 3) ctx.addIssue({ code: "custom", path: ["location"], message: "postingLocationRequired" });
  if (!v.startsAt) ctx.addIssue({ code: "custom", path: ["startsAt"], message: "required" });
  if (v.startsAt && v.endsAt && v.endsAt < v.startsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "periodEndsBeforeStart" });
  if (v.broadcastDates.length > 0) ctx.addIssue({ code: "custom", path: ["broadcastDates"], message: "broadcastDatesOnlyLoudspeaker" });
});

export type PostingInput = z.input<typeof postingFields>;
export type PostingValues = z.output<typeof postingSchema>;

export const postingUpdateSchema = postingFields.extend({ postingId: z.string().min(1).max(40) }).superRefine((v, ctx) => {
  // The same rules as a new record.
  const result = postingSchema.safeParse(v);
  if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
});

export type PostingUpdateValues = z.output<typeof postingUpdateSchema>;
