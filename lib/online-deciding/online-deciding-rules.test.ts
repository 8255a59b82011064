// The pure rules of online deciding (Decree 59/2023 Art. 5) at their boundaries.
import { describe, expect, it } from "vitest";

import { startOfDayVn } from "@/lib/consultations/periods";

import { checkTeam, conditionsOf, minutesClock, pollChoosesOnline, type TeamMember } from "./online-deciding-rules";

const vn = (iso: string) => new Date(`${iso}+07:00`);
const member = (leader = false): TeamMember => ({ fullName: "Nguyễn Văn A", role: "Thành viên", isLeader: leader, isFrontRepresentative: leader });
const team = (n: number) => Array.from({ length: n }, (_, i) => member(i === 0));

describe("the poll: more than 50% of ALL households", () => {
  it("fails at exactly half and passes one household above", () => {
    expect(pollChoosesOnline(50, 100)).toBe(false);
    expect(pollChoosesOnline(51, 100)).toBe(true);
    expect(pollChoosesOnline(2, 3)).toBe(true);
    expect(pollChoosesOnline(0, 0)).toBe(false);
  });
});

describe("the team: 3 to 5, one leader who is the Front's representative", () => {
  it("refuses 2 and 6, accepts 3 and 5", () => {
    expect(checkTeam(team(2))).toMatchObject({ code: "teamSize" });
    expect(checkTeam(team(3))).toBeNull();
    expect(checkTeam(team(5))).toBeNull();
    expect(checkTeam(team(6))).toMatchObject({ code: "teamSize" });
  });
  it("needs exactly one leader, from the Front", () => {
    expect(checkTeam([member(), member(), member()])).toMatchObject({ code: "teamOneLeader" });
    expect(checkTeam([member(true), member(true), member()])).toMatchObject({ code: "teamOneLeader" });
    expect(checkTeam([{ ...member(true), isFrontRepresentative: false }, member(), member()])).toMatchObject({ code: "teamLeaderFront" });
  });
});

describe("the notice must come before voting opens", () => {
  const record = { agreedOn: vn("2026-12-01T00:00:00"), villageHeadName: "A", frontCommitteeName: "B", notifiedOn: vn("2026-12-05T00:00:00"), team: team(3) };
  it("is met on the day voting opens, not after, and never when the opening is unknown", () => {
    expect(conditionsOf(record, 3, 4, vn("2026-12-05T07:00:00")).allMet).toBe(true);
    expect(conditionsOf(record, 3, 4, vn("2026-12-04T23:00:00")).notified).toBe(false);
    expect(conditionsOf(record, 3, 4, null).notified).toBe(false);
    expect(conditionsOf({ ...record, villageHeadName: " " }, 3, 4, vn("2026-12-05T07:00:00")).agreed).toBe(false);
    // The agreement, too, comes before the vote.
    expect(conditionsOf({ ...record, agreedOn: vn("2026-12-06T00:00:00") }, 3, 4, vn("2026-12-05T07:00:00")).agreed).toBe(false);
  });
});

describe("the form 03 minutes: within 5 working days after the vote closes", () => {
  // Closed Monday 7 Dec 2026, 10:00 in Vietnam → due by the end of Monday 14 Dec.
  const closedAt = vn("2026-12-07T10:00:00");
  it("is on time on the fifth working day and late the day after", () => {
    expect(minutesClock(closedAt, null, vn("2026-12-07T12:00:00")).dueBy.toISOString()).toBe("2026-12-14T16:59:59.999Z");
    expect(minutesClock(closedAt, startOfDayVn("2026-12-14"), vn("2026-12-20T00:00:00")).overdue).toBe(false);
    expect(minutesClock(closedAt, startOfDayVn("2026-12-15"), vn("2026-12-20T00:00:00")).overdue).toBe(true);
    expect(minutesClock(closedAt, null, vn("2026-12-14T23:59:59")).overdue).toBe(false);
    expect(minutesClock(closedAt, null, vn("2026-12-15T00:00:00")).overdue).toBe(true);
  });
  it("skips the commune's own holidays", () => {
    expect(minutesClock(closedAt, null, closedAt, ["2026-12-10"]).dueBy.toISOString()).toBe("2026-12-15T16:59:59.999Z");
  });
});
