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
      expect(CATEGORY_RULES[c]).toMatchObject({ votingUnit: "HOUSEHOLD", thresholdRule: "MAJORITY_OF_ALL_IN_SCOPE", thresholdPercent: 50 });
    }
  });

  it("sorts every category under exactly one kind", () => {
    const all = [...categoriesOfKind("DISCLOSURE"), ...categoriesOfKind("DECISION"), ...categoriesOfKind("CONSULTATION")];
    expect(new Set(all).size).toBe(Object.keys(CATEGORY_RULES).length);
  });

  it("overrides a figure from the commune's settings", () => {
    const settings = readSettings({ legal: { DECISION_COMMUNITY_FUNDS: { thresholdPercent: 66 } } });
    expect(ruleFor("DECISION_COMMUNITY_FUNDS", settings).thresholdPercent).toBe(66);
    expect(ruleFor("DECISION_COMMUNITY_WORKS", settings).thresholdPercent).toBe(50);
  });
});
