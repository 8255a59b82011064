// Online deciding (Decree 59/2023 Art. 5): the zod schemas of the staff records and the households'
// preliminary poll. Messages are keys under "errors".
import { z } from "zod";

import { isIsoDate } from "@/lib/consultations/periods";
import { encodeMessage } from "@/lib/i18n/message-key";

import { TEAM_MAX, TEAM_MIN } from "./online-deciding-rules";

const id = z.string().min(1).max(40);
const isoDate = z.string().refine(isIsoDate, { error: "invalidDate" });
const name = z.string().trim().min(2, { error: "tooShort" }).max(200, { error: "tooLong" });

const villageRef = { communeId: id, consultationId: id, villageId: id };

/** Condition 1: the head and the Front working committee agreed that no meeting or household ballot is needed. */
export const agreementSchema = z.object({ ...villageRef, agreedOn: isoDate, villageHeadName: name, frontCommitteeName: name });

/** Condition 3: the People's Committee and the Front told beforehand. */
export const noticeSchema = z.object({ ...villageRef, notifiedOn: isoDate });

/** After the vote: the day the form 03 minutes went to the People's Committee and the Front. */
export const minutesSentSchema = z.object({ ...villageRef, sentOn: isoDate });

/** Condition 4: the online-voting team. The size is checked here for the form and again by the rule. */
export const teamSchema = z.object({
  ...villageRef,
  members: z
    .array(z.object({ fullName: name, role: z.string().trim().min(2, { error: "tooShort" }).max(200, { error: "tooLong" }), isLeader: z.boolean(), isFrontRepresentative: z.boolean() }))
    .max(TEAM_MAX, { error: encodeMessage("teamSize", { min: TEAM_MIN, max: TEAM_MAX }) }),
});

/** A household representative's answer to the preliminary poll. */
export const pollAnswerSchema = z.object({ communeId: id, consultationId: id, choosesOnline: z.boolean() });

export const consultationRefSchema = z.object({ communeId: id, consultationId: id });
export const villageRefSchema = z.object(villageRef);
