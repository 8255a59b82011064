// Online deciding, in one place (Decree 59/2023 Art. 5, on Law 10/2022 Art. 15.6). A web vote decides
// a matter only when it is an "other self-management matter" (Art. 15.6; counting-rules.ts holds that
// part) and, in the village, ALL of these hold:
// 1. the village head and the village's Front working committee agreed that no meeting and no
//    household ballot is needed (recorded with the date and their names);
// 2. MORE THAN 50% of ALL household representatives of the village first chose the online form (the
//    preliminary poll; exactly half is not enough);
// 3. the People's Committee and the Front were told beforehand, before voting opened;
// 4. an online-voting team of 3 to 5 people, led by the Front's representative, is recorded.
// The result, written as the minutes of the decree's form 03, goes to the People's Committee and the
// Front within 5 working days after the vote closes.
import { addWorkingDays } from "@/lib/people/working-days";

import type { Refusal } from "@/lib/participation/eligibility";

export const TEAM_MIN = 3;
export const TEAM_MAX = 5;
/** Art. 5: the minutes go to the People's Committee and the Front within 5 working days. */
export const MINUTES_WORKING_DAYS = 5;

export type TeamMember = { fullName: string; role: string; isLeader: boolean; isFrontRepresentative: boolean };

/** Art. 5: 3 to 5 people, exactly one leader, and the leader is the Front's representative. */
export function checkTeam(members: TeamMember[]): Refusal | null {
  if (members.length < TEAM_MIN || members.length > TEAM_MAX) return { code: "teamSize", params: { min: TEAM_MIN, max: TEAM_MAX, count: members.length } };
  const leaders = members.filter((m) => m.isLeader);
  if (leaders.length !== 1) return { code: "teamOneLeader" };
  if (!leaders[0]!.isFrontRepresentative) return { code: "teamLeaderFront" };
  return null;
}

/** Art. 5: more than half of ALL households of the village chose the online form (integers: 2 of 4 fails). */
export const pollChoosesOnline = (yes: number, households: number) => households > 0 && yes * 2 > households;

export type VillageRecord = {
  agreedOn: Date | null;
  villageHeadName: string | null;
  frontCommitteeName: string | null;
  notifiedOn: Date | null;
  team: TeamMember[];
};

export type Conditions = {
  /** 1. The head and the Front working committee agreed before voting opened, with the date and their names. */
  agreed: boolean;
  /** 2. More than 50% of all households chose the online form. */
  poll: boolean;
  pollYes: number;
  households: number;
  /** 3. The People's Committee and the Front were told before voting opened. */
  notified: boolean;
  /** 4. The online-voting team is recorded as the decree wants it. */
  team: boolean;
  allMet: boolean;
};

/** Where each condition of Art. 5 stands for one village. `votingOpensAt` null: not yet known, so not "beforehand". */
export function conditionsOf(record: VillageRecord | null, pollYes: number, households: number, votingOpensAt: Date | null): Conditions {
  // The agreement and the notice come first: dated on or before the day voting opened.
  const before = (d: Date | null | undefined) => !!d && votingOpensAt !== null && d <= votingOpensAt;
  const agreed = before(record?.agreedOn) && !!record?.villageHeadName?.trim() && !!record.frontCommitteeName?.trim();
  const poll = pollChoosesOnline(pollYes, households);
  const notified = before(record?.notifiedOn);
  const team = !!record && checkTeam(record.team) === null;
  return { agreed, poll, pollYes, households, notified, team, allMet: agreed && poll && notified && team };
}

export type MinutesClock = { dueBy: Date; sentOn: Date | null; overdue: boolean };

/** Art. 5: the form 03 minutes are due within 5 working days after the vote closed. */
export function minutesClock(closedAt: Date, sentOn: Date | null, now: Date, extraHolidays: string[] = []): MinutesClock {
  const dueBy = addWorkingDays(closedAt, MINUTES_WORKING_DAYS, extraHolidays);
  return { dueBy, sentOn, overdue: (sentOn ?? now) > dueBy };
}
