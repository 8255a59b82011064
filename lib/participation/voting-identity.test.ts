import { describe, expect, it } from "vitest";

import { checkVotingIdentity } from "./eligibility";

describe("checkVotingIdentity", () => {
  it("lets an identity confirmed in person or by an invite code vote, never a bare list match", () => {
    expect(checkVotingIdentity("IN_PERSON")).toBeNull();
    expect(checkVotingIdentity("INVITE_CODE")).toBeNull();
    expect(checkVotingIdentity("LIST_MATCH")).toEqual({ code: "identityNotConfirmedForVoting" });
    expect(checkVotingIdentity("APPOINTED")).toEqual({ code: "identityNotConfirmedForVoting" }); // an official's account is not a household's
    expect(checkVotingIdentity(null)).toEqual({ code: "identityNotConfirmedForVoting" });
  });
});
