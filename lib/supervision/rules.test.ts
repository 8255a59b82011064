import { describe, expect, it } from "vitest";

import { answerDeadline, compositionProblem, earliestStart, isNotifiedInTime, MAX_RESIDENT_MEMBERS, MIN_MEMBERS, NOTIFY_DAYS_AHEAD } from "./rules";

const m = (kind: "FRONT" | "INSPECTION_BOARD" | "RESIDENT", declared = true) => ({ kind, declared });

describe("board composition (Law 10/2022 Art. 41.1, 42; Decree 59/2023 Art. 17.2)", () => {
  it("needs at least 5 members, exactly 5 is enough", () => {
    expect(MIN_MEMBERS).toBe(5);
    expect(compositionProblem([m("FRONT"), m("RESIDENT"), m("RESIDENT"), m("RESIDENT")])).toMatchObject({ code: "supervisionTooFewMembers" });
    expect(compositionProblem([m("FRONT"), m("RESIDENT"), m("RESIDENT"), m("RESIDENT"), m("RESIDENT")])).toBeNull();
  });
  it("needs the Front and residents, at most 5 residents, every declaration", () => {
    expect(compositionProblem([m("RESIDENT"), m("RESIDENT"), m("RESIDENT"), m("RESIDENT"), m("INSPECTION_BOARD")])).toMatchObject({ code: "supervisionNoFrontMember" });
    expect(compositionProblem([m("FRONT"), m("FRONT"), m("INSPECTION_BOARD"), m("INSPECTION_BOARD"), m("INSPECTION_BOARD")])).toMatchObject({ code: "supervisionNoResidentMember" });
    const six = Array.from({ length: MAX_RESIDENT_MEMBERS + 1 }, () => m("RESIDENT"));
    expect(compositionProblem([m("FRONT"), ...six])).toMatchObject({ code: "supervisionTooManyResidents", params: { max: 5, count: 6 } });
    expect(compositionProblem([m("FRONT"), m("RESIDENT"), m("RESIDENT", false), m("RESIDENT"), m("RESIDENT")])).toMatchObject({ code: "supervisionDeclarationMissing" });
  });
});

describe("the investor's notice (Art. 45.1.b: at least 45 days before)", () => {
  it("45 days exactly is in time; 44 is not", () => {
    expect(NOTIFY_DAYS_AHEAD).toBe(45);
    expect(isNotifiedInTime("2027-01-01", "2027-02-15")).toBe(true);
    expect(isNotifiedInTime("2027-01-01", "2027-02-14")).toBe(false);
    expect(earliestStart("2027-01-01")).toBe("2027-02-15");
  });
});

describe("answers (Art. 45.2.c: within 15 days)", () => {
  it("is due at the end of the 15th day, Vietnam time", () => {
    expect(answerDeadline(new Date("2027-03-01T23:30:00+07:00")).toISOString()).toBe(new Date("2027-03-16T23:59:59.999+07:00").toISOString());
  });
});
