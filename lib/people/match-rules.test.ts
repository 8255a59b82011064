import { describe, expect, it } from "vitest";

import { decideMatch, type MatchCandidate } from "./match-rules";

const person = (id: string, over: Partial<MatchCandidate> = {}): MatchCandidate => ({
  id,
  nameKey: "nguyen van an",
  birthYear: 1970,
  villageId: "v1",
  isActive: true,
  isLinked: false,
  ...over,
});

describe("decideMatch", () => {
  const claim = { name: "Nguyễn Văn An", birthYear: 1970, villageId: "v1" };

  it("matches one person exactly, whatever the diacritics, case and spaces typed", () => {
    for (const name of ["Nguyễn Văn An", "nguyen van an", "NGUYỄN  VĂN   AN ", "Nguyễn Văn An".normalize("NFD")]) {
      expect(decideMatch({ ...claim, name }, [person("r1")])).toEqual({ kind: "match", residentId: "r1" });
    }
  });

  it("does not match another year, village or name", () => {
    expect(decideMatch({ ...claim, birthYear: 1971 }, [person("r1")])).toEqual({ kind: "none" });
    expect(decideMatch({ ...claim, villageId: "v2" }, [person("r1")])).toEqual({ kind: "none" });
    expect(decideMatch({ ...claim, name: "Nguyễn Văn Ân Hai" }, [person("r1")])).toEqual({ kind: "none" });
    expect(decideMatch(claim, [person("r1", { isActive: false })])).toEqual({ kind: "none" });
  });

  it("leaves two people with the same name, year and village to staff", () => {
    expect(decideMatch(claim, [person("r1"), person("r2")])).toEqual({ kind: "ambiguous", count: 2 });
    // Even when one of them already has an account: the newcomer might be that person again.
    expect(decideMatch(claim, [person("r1", { isLinked: true }), person("r2")])).toEqual({ kind: "ambiguous", count: 2 });
  });

  it("never links a second account to a person who already has one", () => {
    expect(decideMatch(claim, [person("r1", { isLinked: true })])).toEqual({ kind: "taken" });
  });
});
