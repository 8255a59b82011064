import { describe, expect, it } from "vitest";

import { readSettings } from "@/lib/settings";

import { CATEGORY_RULES, categoriesOfKind, checkChannels, ruleFor } from "./legal-rules";

describe("lawful channels (Art. 15.6)", () => {
  it("refuses an online-only vote on a village convention", () => {
    expect(checkChannels({ category: "DECISION_VILLAGE_CONVENTION", channels: ["WEB"], hasBallot: true, onlineVoteNoticeGiven: true })).toEqual({
      code: "onlineOnlyDecision",
    });
  });

  it("accepts a convention voted at a meeting or by household ballots, with the web beside them", () => {
    expect(checkChannels({ category: "DECISION_VILLAGE_CONVENTION", channels: ["MEETING"], hasBallot: true, onlineVoteNoticeGiven: false })).toBeNull();
    expect(checkChannels({ category: "DECISION_VILLAGE_CONVENTION", channels: ["PAPER", "WEB"], hasBallot: true, onlineVoteNoticeGiven: true })).toBeNull();
  });

  it("lets an online vote alone decide other self-management matters, once the Front has been told", () => {
    expect(checkChannels({ category: "DECISION_OTHER_SELF_MANAGEMENT", channels: ["WEB"], hasBallot: true, onlineVoteNoticeGiven: false })).toEqual({
      code: "onlineVoteNoticeMissing",
    });
    expect(checkChannels({ category: "DECISION_OTHER_SELF_MANAGEMENT", channels: ["WEB"], hasBallot: true, onlineVoteNoticeGiven: true })).toBeNull();
  });

  it("does not restrict consultations, and needs at least one channel", () => {
    expect(checkChannels({ category: "CONSULTATION_LAND_USE_PLAN", channels: ["WEB"], hasBallot: true, onlineVoteNoticeGiven: false })).toBeNull();
    expect(checkChannels({ category: "CONSULTATION_OTHER", channels: [], hasBallot: false, onlineVoteNoticeGiven: false })).toEqual({ code: "noChannel" });
  });
});

describe("category rules", () => {
  it("votes decision matters by household against all households in scope", () => {
    for (const c of categoriesOfKind("DECISION")) {
      // Law 10/2022 Art. 21.1: at least 2/3 for contributions and funds, more than 50% otherwise.
      const twoThirds = c === "DECISION_COMMUNITY_WORKS" || c === "DECISION_COMMUNITY_FUNDS";
      expect(CATEGORY_RULES[c]).toMatchObject({ votingUnit: "HOUSEHOLD", thresholdRule: "MAJORITY_OF_ALL_IN_SCOPE", thresholdPercent: twoThirds ? 66.67 : 50 });
    }
  });

  it("sorts every category under exactly one kind", () => {
    const all = [...categoriesOfKind("DISCLOSURE"), ...categoriesOfKind("DECISION"), ...categoriesOfKind("CONSULTATION")];
    expect(new Set(all).size).toBe(Object.keys(CATEGORY_RULES).length);
  });

  it("raises a figure from the commune's settings", () => {
    const settings = readSettings({ legal: { DECISION_COMMUNITY_FUNDS: { thresholdPercent: 75 }, DECISION_VILLAGE_HEAD: { thresholdPercent: 60 } } });
    expect(ruleFor("DECISION_COMMUNITY_FUNDS", settings)).toMatchObject({ thresholdPercent: 75, rule: "communeSetting" });
    expect(ruleFor("DECISION_VILLAGE_HEAD", settings).thresholdPercent).toBe(60);
    expect(ruleFor("DECISION_COMMUNITY_WORKS", settings).thresholdPercent).toBe(66.67);
  });

  it("never lowers the law's floors: thresholds, posting, comment days, the broadcast, the planning ceiling", () => {
    const settings = readSettings({
      legal: {
        DECISION_COMMUNITY_FUNDS: { thresholdPercent: 60 },
        DECISION_VILLAGE_CONVENTION: { thresholdPercent: 40, minPostingDays: 29 },
        CONSULTATION_OTHER: { minCommentDays: 19 },
        CONSULTATION_LAND_USE_PLAN: { minCommentDays: 44 },
        CONSULTATION_PLANNING: { minCommentDays: 15, maxCommentDays: 31 },
        DISCLOSURE_INVESTMENT_LAND: { requiresBroadcast: false },
      },
    });
    expect(ruleFor("DECISION_COMMUNITY_FUNDS", settings)).toMatchObject({ thresholdPercent: 66.67, rule: "grassrootsDemocracyDefault" });
    expect(ruleFor("DECISION_VILLAGE_CONVENTION", settings)).toMatchObject({ thresholdPercent: 50, minPostingDays: 30, rule: "villageConvention" });
    expect(ruleFor("CONSULTATION_OTHER", settings).minCommentDays).toBe(30);
    expect(ruleFor("CONSULTATION_LAND_USE_PLAN", settings)).toMatchObject({ minCommentDays: 45, rule: "landLaw" });
    expect(ruleFor("CONSULTATION_PLANNING", settings)).toMatchObject({ minCommentDays: 20, maxCommentDays: 30, rule: "planningLaw" });
    expect(ruleFor("DISCLOSURE_INVESTMENT_LAND", settings).requiresBroadcast).toBe(true);
    // Lengthening is allowed, within the planning ceiling.
    const longer = readSettings({ legal: { CONSULTATION_OTHER: { minCommentDays: 31 }, CONSULTATION_PLANNING: { minCommentDays: 25 } } });
    expect(ruleFor("CONSULTATION_OTHER", longer)).toMatchObject({ minCommentDays: 31, rule: "communeSetting" });
    expect(ruleFor("CONSULTATION_PLANNING", longer)).toMatchObject({ minCommentDays: 25, maxCommentDays: 30 });
  });
});
