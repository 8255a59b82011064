// The form of an opinion received off the web, shared by the bulk-entry screen and the server.
// Messages are keys under "errors".
import { z } from "zod";

import { isIsoDate } from "@/lib/consultations/periods";
import { opinionSchema } from "@/lib/participation/schemas";

import { ENTRY_CHANNELS } from "./roles";

const id = z.string().min(1).max(40);
const optionalId = z.string().max(40).nullable().default(null).transform((v) => v || null);

export const channelOpinionSchema = z.object({
  communeId: id,
  consultationId: id,
  channel: z.enum(ENTRY_CHANNELS, { error: "channelRequired" }),
  /** The day received, YYYY-MM-DD (received-date.ts). */
  receivedOn: z.string().refine(isIsoDate, { error: "receivedOnRequired" }),
  /** The household, when known; null records "not identified". */
  householdId: optionalId,
  /** A member of that household, when the form names one. */
  residentId: optionalId,
  /** For an unidentified writer: the village, when known (a village head's own, always). */
  villageId: optionalId,
  /** A village meeting's record, for an opinion raised at the meeting. */
  meetingId: optionalId,
  /** What public pages show, when the writer signed a name they want shown; otherwise derived. */
  displayName: z.string().trim().max(80, { error: "tooLong" }).nullable().default(null).transform((v) => v || null),
  body: opinionSchema.shape.body,
  stance: opinionSchema.shape.stance,
  lat: opinionSchema.shape.lat,
  lng: opinionSchema.shape.lng,
  sectionId: optionalId,
  /** The photo or scan of the paper, uploaded beforehand (opinion-scans route). */
  photoId: optionalId,
});

export type ChannelOpinionInput = z.input<typeof channelOpinionSchema>;
export type ChannelOpinionValues = z.output<typeof channelOpinionSchema>;

export const channelHouseholdSearchSchema = z.object({
  communeId: id,
  consultationId: id,
  query: z.string().trim().min(1, { error: "required" }).max(100, { error: "tooLong" }),
});
