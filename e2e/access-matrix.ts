// Who may call what: one line per server action and per route handler method. The security specs
// discover every action (files with "use server", and the build's server-reference manifest) and
// every route handler (app/**/route.ts) and fail on any that has no line here, so a new action or
// route is refused by the tests until someone decides who may call it.
//
// Actions: "allowed" means the call passes the access check and reaches the action's own work (which
// may still refuse the probe's input); "denied" means 401/403 (unauthenticated, forbidden), with
// nothing written. Routes state the exact HTTP status each caller gets (`expect`): a 404 is an answer
// like any other, never "allowed" by default. Probes use real objects of the test database
// (e2e/probe-objects.ts), and every action and route that takes an id is tried again across
// communes: the caller's own commune with the other commune's ids, refused with nothing written.
// Domain rules behind the gate (a village head for their own village only, one's own opinion, one's
// own ballot) are proved in lib/**/*.int.test.ts (e.g. vote-authorization.int.test.ts).

/** The people every entry is tried as. Their commune is Thiện Tín unless named "other…". */
export const WHO = {
  visitor: null,
  resident: "0901000001", // verified resident of Thiện Tín, Phú Khương, household representative
  otherCommuneResident: "0902000001", // verified resident of Nghĩa Hành
  villageHead: "truongthon.tanphu1@thientin.danban.local", // head of Tân Phú 1 (not the resident's village)
  staff: "canbo@thientin.danban.local",
  front: "mttq@thientin.danban.local",
  leader: "chutich@thientin.danban.local",
  admin: "admin@danban.local",
  inspector: "bantt@thientin.danban.local", // head of the People's Inspection Board of Thiện Tín (INSPECTOR only)
  otherCommuneStaff: "canbo@nghiahanh.danban.local",
} as const;
export type Who = keyof typeof WHO;
export const EVERYONE = Object.keys(WHO) as Who[];

const SIGNED_IN: Who[] = EVERYONE.filter((w) => w !== "visitor");
const RESIDENT: Who[] = ["resident"];
const STAFF: Who[] = ["staff", "leader", "admin"];
const STAFF_AREA: Who[] = [...STAFF, "villageHead"];
const FRONT: Who[] = ["front"];
const STAFF_OR_FRONT: Who[] = [...STAFF, "front"];
// Approvals are a leader's own act (an administrator or staff member cannot approve).
const LEADER: Who[] = ["leader"];
const ADMIN: Who[] = ["admin"];
// The People's Inspection Board: it sees and asks, never edits the commune's records (lib/inspection).
const INSPECTOR: Who[] = ["inspector"];

/**
 * The values a probe may use: real objects of one commune, read from (or made in) the test database
 * by e2e/probe-objects.ts. The commune checked is Thiện Tín; cross-commune probes get the caller's own
 * commune (COMMUNE_KEYS) with the other commune's objects. `probe` builds the input; the
 * default `{ communeId }` passes the role check and stops at validation.
 */
export type ProbeContext = {
  communeId: string;
  slug: string;
  /** The latest event of the commune's audit chain that has an actor (a number, not an id: never crossed). */
  auditSeq: string;
  /** A published consultation (with ballot questions in Thiện Tín). */
  consultationId: string;
  /** A withdrawn attachment of that consultation: staff, village heads and the Front only. */
  attachmentId: string;
  /** A notice-board posting of that consultation, with its photo (public). */
  postingId: string;
  /** A photo of a public case (its filing's photo): anyone may see it. */
  casePhotoId: string;
  /** The minutes of a village meeting on that consultation. */
  minutesId: string;
  /** A village meeting's record on that consultation (its ballot-count minutes are printable). */
  meetingId: string;
  /** A draft report with a generated version, for staff and the Front only. */
  reportId: string;
  /** A draft outcome notice, on `noticeConsultationId` (the report's consultation). */
  noticeId: string;
  noticeConsultationId: string;
  opinionId: string;
  questionId: string;
  optionId: string;
  villageId: string;
  /** A resident's membership, and their account. */
  membershipId: string;
  userId: string;
  householdId: string;
  /** A dialogue conference held yesterday, results not yet published, with a minutes file (staff and the Front only). */
  dialogueId: string;
  /** A person on the list without an account, of Phú Khương in Thiện Tín: not of the matrix's village head's village. */
  otherVillageResidentId: string;
  /** A reception session of the seed (the chair's, in Thiện Tín), and a line of its register. */
  receptionSessionId: string;
  receptionVisitId: string;
  /** The commune's People's Inspection Board (seeded), one of its members, and one of its recommendations. */
  inspectionBoardId: string;
  inspectionMemberId: string;
  inspectionItemId: string;
};

/** The probe values that name the caller's commune itself: a cross-commune probe keeps the caller's own. */
export const COMMUNE_KEYS = ["communeId", "slug", "auditSeq"] as const;

/**
 * The ids a cross-commune call to an action carries (the line's own probe, if any, goes on top): every
 * object of the other commune under the names the actions use. Other fields get ordinary valid values, so that a
 * call is refused for the commune, not for missing input, wherever the action's schema allows.
 */
export function crossInput(c: ProbeContext): Record<string, unknown> {
  const text = "Thử quyền truy cập giữa hai xã: người của xã khác không được đọc hay ghi dữ liệu của xã này.";
  return {
    consultationId: c.consultationId,
    attachmentId: c.attachmentId,
    postingId: c.postingId,
    minutesId: c.minutesId,
    meetingId: c.meetingId,
    conferenceId: c.dialogueId,
    reportId: c.reportId,
    noticeId: c.noticeId,
    opinionId: c.opinionId,
    opinionIds: [c.opinionId],
    questionId: c.questionId,
    optionIds: [c.optionId],
    answers: [{ questionId: c.questionId, optionIds: [c.optionId] }],
    tallies: [{ questionId: c.questionId, optionId: c.optionId, count: 1 }],
    villageId: c.villageId,
    villageIds: [c.villageId],
    householdId: c.householdId,
    residentId: c.otherVillageResidentId,
    membershipId: c.membershipId,
    userId: c.userId,
    sessionId: c.receptionSessionId,
    visitId: c.receptionVisitId,
    boardId: c.inspectionBoardId,
    memberId: c.inspectionMemberId,
    itemId: c.inspectionItemId,
    // Valid values for the other fields the actions ask for (their schemas drop what they do not know).
    body: text,
    title: text.slice(0, 60),
    text,
    note: text,
    notes: text,
    details: text,
    response: text,
    introduction: text,
    conclusions: text,
    loudspeakerText: text,
    reason: "OTHER",
    stance: "SUPPORT",
    kind: "AGREE",
    action: "HIDE",
    decision: "REJECTED",
    days: 1,
    isPublicFlag: false,
    lat: null,
    lng: null,
    sectionId: null,
    parentId: null,
    photoId: null,
    query: "Nguyễn",
    heldOn: "2026-01-05",
    heldTime: "19:00",
    form: "SHOW_OF_HANDS",
    householdsPresent: 1,
    sourceChoice: null,
    source: "MEETING",
    channel: "NOTICE_BOARD",
    location: "Trụ sở UBND xã",
    startsAt: "2026-01-05",
    endsAt: null,
    broadcastDates: [],
    publishAt: "2030-01-05T08:00",
    opinion: null,
    channels: ["MEETING"],
    onlineVoteNoticeOn: null,
    showResultsLive: true,
  };
}

/** Where an action's own fields clash with the shared bag above: its values for a cross-commune call. */
export const CROSS_FIELDS: Record<string, Record<string, unknown>> = {
  "lib/reports/answer-actions.ts#answerOpinionsAction": { kind: "EXPLAINED" },
  "lib/participation/vote-actions.ts#recordMeetingAction": { reason: "" },
  "lib/inspection/actions.ts#answerInspectionItemAction": { answer: "Thử quyền truy cập giữa hai xã: câu trả lời không được ghi." },
  "lib/inspection/actions.ts#addInspectionMemberAction": { name: "Nguyễn Văn Thử", position: "MEMBER", identifier: null },
  "lib/participation/vote-actions.ts#addQuestionAction": { kind: "YES_NO_ABSTAIN", votingUnit: "HOUSEHOLD", options: [], maxChoices: 1, thresholdRule: "NONE", thresholdPercent: 50, quorumPercent: null },
};

/**
 * `fuzzAs`: who the fuzzing tries the action as, when not the first of `allowed`. `fuzzMayWrite`: why
 * the action may write when the hostile input still holds everything it needs (its schema drops the
 * extra fields) — allowed only when the call succeeded, never on a refusal.
 */
export type ActionEntry = {
  allowed: Who[];
  probe?: (c: ProbeContext) => unknown;
  fuzzAs?: Who;
  fuzzMayWrite?: string;
  /**
   * Why the action may answer a cross-commune call without an error (it takes no object of a commune,
   * or only ever touches the caller's own rows); it must still write nothing. Without it, a
   * cross-commune call must be refused (an error or a validation error).
   */
  crossAnswers?: string;
};

/** Key: "<source file>#<exported name>". */
export const ACTIONS: Record<string, ActionEntry> = {
  "lib/consultations/actions.ts#createConsultationAction": { allowed: STAFF },
  "lib/consultations/actions.ts#updateConsultationAction": { allowed: STAFF },
  "lib/consultations/actions.ts#publishConsultationAction": { allowed: STAFF },
  "lib/consultations/actions.ts#scheduleConsultationAction": { allowed: STAFF },
  "lib/consultations/actions.ts#unscheduleConsultationAction": { allowed: STAFF },
  "lib/consultations/actions.ts#removeAttachmentAction": { allowed: STAFF },
  "lib/consultations/actions.ts#renameAttachmentAction": { allowed: STAFF },
  "lib/consultations/actions.ts#checkGeometryImportAction": { allowed: STAFF },
  "lib/disclosure/actions.ts#recordPostingAction": { allowed: STAFF },
  "lib/disclosure/actions.ts#updatePostingAction": { allowed: STAFF },
  // Dialogue conferences (issue 12 §4): staff and the Front plan; residents ask, agree, sign; staff record.
  "lib/dialogues/actions.ts#planConferenceAction": { allowed: STAFF_OR_FRONT },
  "lib/dialogues/actions.ts#openDialogueRequestAction": { allowed: RESIDENT },
  "lib/dialogues/actions.ts#signDialogueRequestAction": { allowed: RESIDENT },
  "lib/dialogues/actions.ts#enterPaperSignatureAction": { allowed: STAFF },
  "lib/dialogues/actions.ts#askDialogueQuestionAction": { allowed: RESIDENT },
  "lib/dialogues/actions.ts#agreeDialogueQuestionAction": { allowed: RESIDENT },
  "lib/dialogues/actions.ts#moderateDialogueQuestionAction": { allowed: STAFF },
  "lib/dialogues/actions.ts#raiseDialogueQuestionAction": { allowed: STAFF },
  "lib/dialogues/actions.ts#answerDialogueQuestionAction": { allowed: STAFF },
  "lib/dialogues/actions.ts#markDialogueCommitmentDoneAction": { allowed: STAFF },
  "lib/dialogues/actions.ts#recordDialogueResultsAction": { allowed: STAFF },
  "lib/dialogues/actions.ts#publishDialogueResultsAction": { allowed: STAFF },
  // Only the caller's own notifications can match; the probe's commune id is too long, so nothing is marked.
  "lib/notifications/actions.ts#markNotificationsReadAction": { allowed: SIGNED_IN, probe: () => ({ communeId: "x".repeat(41) }), crossAnswers: "marks only the caller's own notifications" },
  "lib/oversight/actions.ts#reportOpinionAction": { allowed: RESIDENT },
  "lib/oversight/actions.ts#moderateOpinionAction": { allowed: STAFF },
  "lib/oversight/actions.ts#appealModerationAction": { allowed: RESIDENT },
  "lib/oversight/actions.ts#decideAppealAction": { allowed: STAFF_OR_FRONT },
  "lib/oversight/actions.ts#blockAccountAction": { allowed: STAFF },
  "lib/oversight/actions.ts#liftBlockAction": { allowed: STAFF },
  "lib/oversight/actions.ts#writeSupervisionNoteAction": { allowed: FRONT },
  "lib/oversight/actions.ts#answerSupervisionNoteAction": { allowed: STAFF },
  "lib/participation/actions.ts#postOpinionAction": { allowed: RESIDENT },
  "lib/participation/actions.ts#reactToOpinionAction": { allowed: RESIDENT },
  "lib/participation/actions.ts#editOpinionAction": { allowed: RESIDENT },
  "lib/participation/vote-actions.ts#addQuestionAction": { allowed: STAFF },
  "lib/participation/vote-actions.ts#removeQuestionAction": { allowed: STAFF },
  "lib/participation/vote-actions.ts#updateVoteSettingsAction": { allowed: STAFF },
  "lib/participation/vote-actions.ts#getMyBallotAction": { allowed: RESIDENT },
  "lib/participation/vote-actions.ts#castVoteAction": { allowed: RESIDENT },
  "lib/participation/vote-actions.ts#changeVoteAction": { allowed: RESIDENT },
  "lib/participation/vote-actions.ts#searchHouseholdsAction": { allowed: STAFF_AREA },
  "lib/participation/vote-actions.ts#enterPaperBallotAction": { allowed: STAFF_AREA },
  "lib/participation/vote-actions.ts#enterAssistedAction": { allowed: STAFF_AREA },
  "lib/participation/vote-actions.ts#recordMeetingAction": { allowed: STAFF_AREA },
  "lib/participation/vote-actions.ts#chooseTallySourceAction": { allowed: STAFF },
  // Opinions from every channel of Art. 26.1 (lib/channels): staff, village heads (own village only,
  // proved in lib/channels/channels.int.test.ts) and the Front.
  "lib/channels/actions.ts#enterChannelOpinionAction": { allowed: [...STAFF_AREA, ...FRONT] },
  "lib/channels/actions.ts#searchChannelHouseholdsAction": { allowed: [...STAFF_AREA, ...FRONT] },
  "lib/participation/vote-actions.ts#checkReceiptAction": { allowed: EVERYONE, crossAnswers: "a receipt code is looked up in the commune asked, ids play no part" },
  // Online deciding (Decree 59/2023 Art. 5): staff and village heads record the steps (a head for their own village only,
  // proved in lib/online-deciding/online-deciding.int.test.ts); residents answer the households' preliminary poll.
  "lib/online-deciding/actions.ts#recordAgreementAction": { allowed: STAFF_AREA },
  "lib/online-deciding/actions.ts#recordNoticeAction": { allowed: STAFF_AREA },
  "lib/online-deciding/actions.ts#recordTeamAction": { allowed: STAFF_AREA },
  "lib/online-deciding/actions.ts#recordMinutesSentAction": { allowed: STAFF_AREA },
  "lib/online-deciding/actions.ts#getOnlineDecidingAction": { allowed: STAFF_AREA },
  "lib/online-deciding/actions.ts#answerPollAction": { allowed: RESIDENT },
  "lib/online-deciding/actions.ts#getMyPollAnswerAction": { allowed: RESIDENT },
  // Passwords: one's own (the old one is checked behind the gate); a reset needs the code sent to the phone.
  "lib/accounts/actions.ts#changePasswordAction": { allowed: SIGNED_IN, crossAnswers: "one's own password: no object of a commune is named" },
  "lib/accounts/actions.ts#requestPasswordResetAction": { allowed: EVERYONE, crossAnswers: "a phone number, not an object of a commune" },
  // Email ownership: the link's token is the proof (no session needed); the link is sent again to one's own address.
  "lib/email-confirmation/actions.ts#confirmEmailAction": { allowed: EVERYONE, crossAnswers: "a token from a mail, not an object of a commune" },
  "lib/email-confirmation/actions.ts#resendEmailConfirmationAction": { allowed: SIGNED_IN, crossAnswers: "one's own email: no object of a commune is named" },
  "lib/accounts/actions.ts#resetPasswordAction": { allowed: EVERYONE, crossAnswers: "a phone number and its code, not an object of a commune" },
  "lib/people/actions.ts#requestPhoneCodeAction": { allowed: EVERYONE },
  "lib/people/actions.ts#registerResidentAction": { allowed: EVERYONE },
  "lib/people/actions.ts#redeemInviteAction": { allowed: SIGNED_IN },
  // A village head prints invitations for people of their own village only. The probe names a person
  // of Phú Khương; the matrix's village head heads Tân Phú 1, so everyone is refused (the head of the
  // right village is allowed in lib/people/*.int.test.ts).
  "lib/people/actions.ts#issueInviteAction": { allowed: [], fuzzAs: "villageHead", probe: (c) => ({ communeId: c.communeId, residentId: c.otherVillageResidentId }) },
  "lib/people/actions.ts#verifyRegistrationAction": { allowed: STAFF },
  "lib/people/actions.ts#rejectRegistrationAction": { allowed: STAFF },
  "lib/people/actions.ts#setRepresentativeAction": { allowed: STAFF },
  "lib/people/data-rights-actions.ts#requestDataChangeAction": { allowed: SIGNED_IN },
  "lib/people/data-rights-actions.ts#correctMyDetailsAction": { allowed: SIGNED_IN },
  "lib/people/data-rights-actions.ts#resolveDataRequestAction": { allowed: STAFF },
  // Personal data: the breach register and requests from people without an account are staff's; each
  // person gives and withdraws their own consents (per role in lib/privacy/privacy.int.test.ts).
  // Petitions and feedback (issue 12 §2): residents file, follow and answer "Has it been fixed?" (their own
  // case only, behind the gate); staff do the rest (per role in lib/cases/workflow.int.test.ts).
  "lib/cases/actions.ts#fileCaseAction": { allowed: RESIDENT },
  "lib/cases/actions.ts#staffFileCaseAction": { allowed: STAFF },
  "lib/cases/actions.ts#moveCaseAction": { allowed: STAFF },
  "lib/cases/actions.ts#assignHandlerAction": { allowed: STAFF },
  "lib/cases/actions.ts#reclassifyCaseAction": { allowed: STAFF },
  "lib/cases/actions.ts#mergeCasesAction": { allowed: STAFF },
  "lib/cases/actions.ts#followCaseAction": { allowed: RESIDENT },
  "lib/cases/actions.ts#unfollowCaseAction": { allowed: RESIDENT },
  "lib/cases/actions.ts#answerFixCheckAction": { allowed: RESIDENT },
  "lib/cases/actions.ts#saveCaseCategoryAction": { allowed: STAFF },
  "lib/cases/actions.ts#saveReplyTemplateAction": { allowed: STAFF },
  // Contributions (issue 13 §2, Law 10/2022 Art. 15.1, 11.5): staff set up, open, post; staff and village heads record.
  "lib/contributions/actions.ts#createContributionAction": { allowed: STAFF },
  "lib/contributions/actions.ts#addContributionCategoryAction": { allowed: STAFF },
  "lib/contributions/actions.ts#openContributionAction": { allowed: STAFF },
  "lib/contributions/actions.ts#recordContributionReceiptAction": { allowed: STAFF_AREA },
  "lib/contributions/actions.ts#reverseContributionEntryAction": { allowed: STAFF_AREA },
  "lib/contributions/actions.ts#exemptContributionHouseholdAction": { allowed: STAFF_AREA },
  "lib/contributions/actions.ts#recordContributionSpendingAction": { allowed: STAFF },
  "lib/contributions/actions.ts#discloseContributionAction": { allowed: STAFF },
  // Citizens' initiatives (Art. 16.3): residents propose and sign; staff and village heads enter paper signatures and the meeting.
  "lib/initiatives/actions.ts#proposeInitiativeAction": { allowed: RESIDENT },
  "lib/initiatives/actions.ts#signInitiativeAction": { allowed: RESIDENT },
  "lib/initiatives/actions.ts#enterInitiativeSignatureAction": { allowed: STAFF_AREA },
  "lib/initiatives/actions.ts#recordInitiativePutAction": { allowed: STAFF_AREA },
  "lib/privacy/actions.ts#recordBreachAction": { allowed: STAFF },
  "lib/privacy/actions.ts#updateBreachAction": { allowed: STAFF },
  "lib/privacy/actions.ts#recordRegisterRequestAction": { allowed: STAFF },
  "lib/privacy/actions.ts#answerRegisterRequestAction": { allowed: STAFF },
  "lib/privacy/actions.ts#giveConsentAction": { allowed: SIGNED_IN },
  "lib/privacy/actions.ts#withdrawConsentAction": { allowed: SIGNED_IN },
  "lib/reports/answer-actions.ts#answerOpinionsAction": { allowed: STAFF },
  // The report: staff draft and publish, the Front signs off or returns it, a leader approves.
  "lib/reports/report-actions.ts#generateReportAction": { allowed: STAFF, fuzzMayWrite: "a commune and a consultation id are all it takes: each call drafts a new version" },
  "lib/reports/report-actions.ts#editReportTextAction": { allowed: STAFF },
  "lib/reports/report-actions.ts#renameReportThemeAction": { allowed: STAFF },
  "lib/reports/report-actions.ts#mergeReportThemesAction": { allowed: STAFF },
  "lib/reports/report-actions.ts#submitReportAction": { allowed: STAFF },
  "lib/reports/report-actions.ts#signOffReportAction": { allowed: FRONT },
  "lib/reports/report-actions.ts#returnReportAction": { allowed: FRONT },
  "lib/reports/report-actions.ts#approveReportAction": { allowed: LEADER },
  "lib/reports/report-actions.ts#publishReportAction": { allowed: STAFF },
  // Staff take a report back from the Front's review (the consultation is frozen while it is there).
  "lib/reports/report-actions.ts#withdrawReportAction": { allowed: STAFF },
  // The outcome notice: staff draft, edit and publish; a leader approves.
  "lib/notices/actions.ts#draftNoticeAction": { allowed: STAFF },
  "lib/notices/actions.ts#updateNoticeAction": { allowed: STAFF },
  "lib/notices/actions.ts#approveNoticeAction": { allowed: LEADER },
  "lib/notices/actions.ts#publishNoticeAction": { allowed: STAFF },
  // Contested votes: the household disputes, staff propose voiding, the Front decides (lib/contested-votes).
  "lib/contested-votes/actions.ts#disputeVoteAction": { allowed: RESIDENT },
  "lib/contested-votes/actions.ts#listHouseholdVotesAction": { allowed: RESIDENT },
  "lib/contested-votes/actions.ts#proposeVoidAction": { allowed: STAFF },
  "lib/contested-votes/actions.ts#decideVoidAction": { allowed: FRONT },
  "lib/contested-votes/actions.ts#listDisputesAction": { allowed: STAFF_OR_FRONT },
  // A meeting counted over cast votes: staff propose (chooseTallySourceAction), the Front decides.
  "lib/meeting-count/actions.ts#decideMeetingCountAction": { allowed: FRONT },
  // Identity confirmed in person, so the account may vote: staff, or the head of the person's village
  // (the probe stops at validation; the village rule is proved in lib/people/identity.int.test.ts).
  "lib/people/identity-actions.ts#confirmIdentityAction": { allowed: STAFF_AREA },
  // Officials' roles: administrators only.
  "lib/people/official-actions.ts#grantRoleAction": { allowed: ADMIN },
  "lib/people/official-actions.ts#lookUpGranteeAction": { allowed: ADMIN },
  "lib/people/official-actions.ts#revokeRoleAction": { allowed: ADMIN },
  // A Front reviewer's appointment or withdrawal takes effect only when the Front confirms it.
  "lib/people/official-actions.ts#decideFrontChangeAction": { allowed: FRONT },
  // Ratings (Law 10/2022 Art. 35.2.a): a resident rates what they were invited to (the invitation is
  // checked behind the gate, lib/ratings/ratings.int.test.ts). Anyone signed in chooses text messages
  // for their own account.
  "lib/ratings/actions.ts#submitRatingAction": { allowed: RESIDENT, probe: (c) => ({ communeId: c.communeId, subjectType: "CONSULTATION", subjectId: c.consultationId }) },
  "lib/telling/actions.ts#setTextMessagesAction": { allowed: SIGNED_IN, crossAnswers: "one's own account: no object of a commune is named" },
  // Open311 clients (API keys) of the commune: staff, leaders and administrators (lib/open311/clients.ts).
  "lib/open311/actions.ts#createOpen311ClientAction": { allowed: STAFF, fuzzMayWrite: "a name is all it takes: the client is created with the text as its name, shown escaped" },
  "lib/open311/actions.ts#revokeOpen311ClientAction": { allowed: STAFF },
  // Citizen reception (issue 12 §3): staff and leaders keep the register; residents book a slot.
  "lib/reception/actions.ts#saveReceptionScheduleAction": { allowed: STAFF },
  "lib/reception/actions.ts#bookReceptionSlotAction": { allowed: RESIDENT },
  "lib/reception/actions.ts#cancelReceptionBookingAction": { allowed: RESIDENT },
  "lib/reception/actions.ts#openReceptionSessionAction": { allowed: STAFF },
  "lib/reception/actions.ts#recordReceptionVisitAction": { allowed: STAFF },
  "lib/reception/actions.ts#openCaseFromVisitAction": { allowed: STAFF },
  "lib/reception/actions.ts#issueConclusionNoticeAction": { allowed: STAFF },
  // Village conventions (issue 13 §5, Decree 61/2023): staff record the steps, a village head proposes for
  // their own village (lib/conventions/conventions.int.test.ts), a leader signs the decisions.
  "lib/conventions/actions.ts#proposeConventionAction": { allowed: STAFF_AREA },
  "lib/conventions/actions.ts#setConventionDraftingGroupAction": { allowed: STAFF },
  "lib/conventions/actions.ts#addConventionDraftAction": { allowed: STAFF },
  "lib/conventions/actions.ts#linkConventionConsultationAction": { allowed: STAFF },
  "lib/conventions/actions.ts#recordConventionAdoptionAction": { allowed: STAFF },
  "lib/conventions/actions.ts#submitConventionDossierAction": { allowed: STAFF },
  "lib/conventions/actions.ts#decideConventionAction": { allowed: LEADER },
  "lib/conventions/actions.ts#markConventionSentAction": { allowed: STAFF },
  "lib/conventions/actions.ts#markConventionPostedAction": { allowed: STAFF },
  "lib/conventions/actions.ts#recordConventionGroundsAction": { allowed: STAFF },
  "lib/conventions/actions.ts#decideConventionSanctionAction": { allowed: LEADER },
  "lib/conventions/actions.ts#recordConventionReviewAction": { allowed: STAFF },
  // Works and results (issue 13 §1): officials create, edit, publish, post milestones and moderate comments;
  // residents follow and comment. Village heads and the Front read, never edit (lib/works/works.int.test.ts).
  "lib/works/actions.ts#saveWorkAction": { allowed: STAFF },
  "lib/works/actions.ts#publishWorkAction": { allowed: STAFF },
  "lib/works/actions.ts#postMilestoneAction": { allowed: STAFF },
  "lib/works/actions.ts#moderateWorkCommentAction": { allowed: STAFF },
  "lib/works/actions.ts#followWorkAction": { allowed: RESIDENT },
  "lib/works/actions.ts#unfollowWorkAction": { allowed: RESIDENT },
  "lib/works/actions.ts#commentOnMilestoneAction": { allowed: RESIDENT },
  // Community investment supervision boards (issue 13 §4): the Front sets a board up; members' acts pass
  // the commune gate under any verified role, then the board check (lib/supervision/board-access.ts,
  // proved in lib/supervision/supervision.int.test.ts) refuses non-members; staff answer requests.
  "lib/supervision/actions.ts#setupSupervisionBoardAction": { allowed: FRONT },
  "lib/supervision/actions.ts#dissolveSupervisionBoardAction": { allowed: STAFF_OR_FRONT },
  "lib/supervision/actions.ts#recordSupervisionVisitAction": { allowed: [...RESIDENT, ...STAFF_AREA, ...FRONT, ...INSPECTOR] },
  "lib/supervision/actions.ts#recordSupervisionFindingAction": { allowed: [...RESIDENT, ...STAFF_AREA, ...FRONT, ...INSPECTOR] },
  "lib/supervision/actions.ts#publishSupervisionFindingAction": { allowed: [...RESIDENT, ...STAFF_AREA, ...FRONT, ...INSPECTOR] },
  "lib/supervision/actions.ts#sendSupervisionRequestAction": { allowed: [...RESIDENT, ...STAFF_AREA, ...FRONT, ...INSPECTOR] },
  "lib/supervision/actions.ts#answerSupervisionRequestAction": { allowed: STAFF },
  // The People's Inspection Board (issue 13 §3, Law 10/2022 Art. 36–40): the Front records the board and
  // countersigns; members file and send; staff and leaders answer (per role in lib/inspection/inspection.int.test.ts).
  "lib/inspection/actions.ts#recordInspectionBoardAction": { allowed: FRONT },
  "lib/inspection/actions.ts#addInspectionMemberAction": { allowed: FRONT },
  "lib/inspection/actions.ts#removeInspectionMemberAction": { allowed: FRONT },
  "lib/inspection/actions.ts#countersignInspectionItemAction": { allowed: FRONT },
  "lib/inspection/actions.ts#fileInspectionItemAction": { allowed: INSPECTOR },
  "lib/inspection/actions.ts#sendInspectionPlanAction": { allowed: INSPECTOR },
  "lib/inspection/actions.ts#answerInspectionItemAction": { allowed: STAFF },
  // The document register (issue 14 §3, Decree 30/2020 Art. 15; lib/register): staff and leaders type the number
  // the commune's own register gave; leaders (and administrators) choose where numbers come from.
  "lib/register/actions.ts#recordRegisterNumberAction": { allowed: STAFF },
  "lib/register/actions.ts#setNumberingModeAction": { allowed: ["leader", "admin"] },
  // Commune set-up (issue 14 §1, lib/setup): only a platform administrator (User.isPlatformAdmin, read from the
  // database) creates communes, adds villages, reads boundary files and names a commune's first official; a
  // commune's staff, leaders and administrators who are not platform administrators are refused
  // (lib/setup/setup.int.test.ts). The commune's own administrators edit its settings.
  "lib/setup/actions.ts#createCommuneAction": { allowed: ADMIN },
  "lib/setup/actions.ts#addVillagesAction": { allowed: ADMIN },
  "lib/setup/actions.ts#grantFirstMemberAction": { allowed: ADMIN },
  "lib/setup/actions.ts#readBoundaryFileAction": { allowed: ADMIN, crossAnswers: "reads the file it is sent and writes nothing; a commune named is only read for its villages" },
  "lib/setup/actions.ts#saveCommuneSettingsAction": { allowed: ADMIN },
  // The living household list (issue 14 §2, lib/households): staff change the list, each change with its day;
  // administrators record villages merging and splitting; a resident asks to correct their own household,
  // staff answer (per role in lib/households/households.int.test.ts). The resident's probe sends an empty
  // request (refused at validation): a text is all a request takes, and it is always the caller's own.
  "lib/households/actions.ts#editHouseholdAction": { allowed: STAFF },
  "lib/households/actions.ts#movePersonAction": { allowed: STAFF },
  "lib/households/actions.ts#moveHouseholdAction": { allowed: STAFF },
  "lib/households/actions.ts#splitHouseholdAction": { allowed: STAFF },
  "lib/households/actions.ts#markPersonGoneAction": { allowed: STAFF },
  "lib/households/actions.ts#markHouseholdMovedAwayAction": { allowed: STAFF },
  "lib/households/actions.ts#mergeVillagesAction": { allowed: ADMIN },
  "lib/households/actions.ts#splitVillageAction": { allowed: ADMIN },
  "lib/households/actions.ts#requestHouseholdCorrectionAction": {
    allowed: RESIDENT,
    probe: (c) => ({ communeId: c.communeId, body: "" }),
    fuzzMayWrite: "a text is all it takes: the request is the resident's own household's, stored as text and shown escaped (at most 3 waiting)",
  },
  "lib/households/actions.ts#answerHouseholdCorrectionAction": { allowed: STAFF },
  // Periodic reports on grassroots democracy (issue 14 §4, Law 10/2022 Art. 14.3, 23.1, 28.5): staff, leaders
  // and administrators save the text and issue (taking the BC number); the Front only reads (routes below).
  "lib/periodic-reports/actions.ts#savePeriodicReportAction": { allowed: STAFF },
  "lib/periodic-reports/actions.ts#issuePeriodicReportAction": { allowed: STAFF },
};


type Upload = { name: string; mimeType: string; buffer: Buffer };
export type RouteProbe = { path: (c: ProbeContext) => string; multipart?: (c: ProbeContext) => Record<string, string | Upload> };
/** The HTTP status each caller gets from a route's probe. */
export type Expect = Record<Who, number>;
/**
 * `expect`: the exact status per caller. `records`: whose call is itself recorded (rows and an audit
 * event); everyone else's writes nothing. `cross`: the status of the probe with the caller's own
 * commune and the other commune's objects, required when the probe takes an object id (tried as
 * `crossAs`, by default the staff of each commune). `shows`: fields (keys) a caller may see in the
 * answer besides the always-allowed ones (see FORBIDDEN_KEYS in security-matrix.spec.ts).
 */
export type RouteEntry = {
  expect: Expect;
  probe: RouteProbe;
  records?: Who[];
  cross?: number;
  crossAs?: [Who, Who];
  shows?: Partial<Record<Who, string[]>>;
};

/** Everyone gets `status`. */
const all = (status: number): Expect => Object.fromEntries(EVERYONE.map((w) => [w, status])) as Expect;
/**
 * `ok` for the callers named, for the rest `refused` (a visitor the status of "sign in first", 401
 * unless said otherwise).
 */
function only(who: Who[], ok: number, refused: number, visitor = who.includes("visitor") ? ok : 401): Expect {
  return { ...all(refused), ...Object.fromEntries(who.map((w) => [w, ok])), visitor };
}

/** A file whose content is not what its name says: allowed callers get it refused (415), nothing is stored. */
const notAFile = (): Record<string, string | Upload> => ({ file: { name: "probe.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ not really a pdf") } });
const NOT_A_FILE = 415;
const READERS: Who[] = [...STAFF_AREA, ...FRONT];

/** Key: "<METHOD> <route as in app/, without /route.ts>". */
export const ROUTES: Record<string, RouteEntry> = {
  "GET /api/health": { expect: all(200), probe: { path: () => "/api/health" } },
  "GET /api/audit/head": { expect: all(200), probe: { path: (c) => `/api/audit/head?commune=${c.slug}` } },
  // The public form of an event with an actor: a pseudonym, never the account id (nor a guessable digest).
  "GET /api/audit/events/[seq]": { expect: all(200), probe: { path: (c) => `/api/audit/events/${c.auditSeq}?commune=${c.slug}` } },
  "GET /api/audit/events": { expect: all(200), probe: { path: (c) => `/api/audit/events?commune=${c.slug}` } },
  "GET /api/auth/[...nextauth]": { expect: all(200), probe: { path: () => "/api/auth/session" }, shows: Object.fromEntries(SIGNED_IN.map((w) => [w, ["phone", "email"]])) },
  // Sign-in and sign-out need next-auth's CSRF token: proved in security-web.spec.ts.
  "POST /api/auth/[...nextauth]": { expect: all(200), probe: { path: () => "/api/auth/_log", multipart: () => ({}) } },
  // A withdrawn attachment: the commune's staff area and the Front; for anyone else it does not exist.
  "GET /api/attachments/[id]": { expect: only(READERS, 200, 404, 404), probe: { path: (c) => `/api/attachments/${c.attachmentId}` }, cross: 404 },
  // The export is one's own data; it is recorded as an access request in the commune, for its members only.
  "GET /api/me/data-export": {
    expect: only(SIGNED_IN, 200, 401),
    records: [...RESIDENT, ...STAFF_AREA, ...FRONT, ...INSPECTOR],
    probe: { path: (c) => `/api/me/data-export?commune=${c.slug}` },
    shows: Object.fromEntries(SIGNED_IN.map((w) => [w, ["phone", "email", "birthYear", "userId", "residentId", "householdId", "actorId", "authorId"]])),
  },
  "GET /api/open-data/consultations.csv": { expect: all(200), probe: { path: (c) => `/api/open-data/consultations.csv?commune=${c.slug}` } },
  "GET /api/open-data/consultations.geojson": { expect: all(200), probe: { path: (c) => `/api/open-data/consultations.geojson?commune=${c.slug}` } },
  "OPTIONS /api/open-data/consultations.csv": { expect: all(204), probe: { path: (c) => `/api/open-data/consultations.csv?commune=${c.slug}` } },
  "OPTIONS /api/open-data/consultations.geojson": { expect: all(204), probe: { path: (c) => `/api/open-data/consultations.geojson?commune=${c.slug}` } },
  // Open311 GeoReport v2: reading is public (public cases only); filing needs a client's api_key, which
  // no session replaces: everyone without one gets 403 in the spec's error shape, nothing written.
  "GET /api/open311/v2/[resource]": { expect: all(200), probe: { path: (c) => `/api/open311/v2/requests.json?jurisdiction_id=${c.slug}` } },
  "POST /api/open311/v2/[resource]": {
    expect: all(403),
    probe: { path: (c) => `/api/open311/v2/requests.json?jurisdiction_id=${c.slug}`, multipart: () => ({ service_code: "probe", description: "Thử quyền truy cập Open311 không có khóa API.", address_string: "Thôn thử" }) },
  },
  // A number no case has: 404 in the spec's error shape for everyone (a private case is the same 404, lib/open311/open311-conformance.int.test.ts).
  "GET /api/open311/v2/requests/[id]": { expect: all(404), probe: { path: (c) => `/api/open311/v2/requests/999999999.json?jurisdiction_id=${c.slug}` } },
  "GET /feed.xml": { expect: all(200), probe: { path: (c) => `/feed.xml?commune=${c.slug}` } },
  "POST /api/participation/minutes": {
    expect: only(STAFF_AREA, NOT_A_FILE, 403),
    probe: { path: () => "/api/participation/minutes", multipart: (c) => ({ communeId: c.communeId, consultationId: c.consultationId, ...notAFile() }) },
    cross: 404,
  },
  // The printable ballot-count minutes of a village meeting.
  "GET /api/participation/meetings/[id]/count-minutes": {
    expect: only(READERS, 200, 403),
    probe: { path: (c) => `/api/participation/meetings/${c.meetingId}/count-minutes?communeId=${c.communeId}&format=pdf` },
    cross: 404,
  },
  // The minutes of a village's online vote (Decree 59/2023 Art. 5, form 03). The probe names no village:
  // readers get 400 once the consultation is found; another commune's consultation is 404.
  "GET /api/online-deciding/[consultationId]/minutes": {
    expect: only(READERS, 400, 403),
    probe: { path: (c) => `/api/online-deciding/${c.consultationId}/minutes?communeId=${c.communeId}&format=pdf` },
    cross: 404,
  },
  "GET /api/participation/minutes/[id]": { expect: only(READERS, 200, 403), probe: { path: (c) => `/api/participation/minutes/${c.minutesId}?communeId=${c.communeId}` }, cross: 404 },
  "POST /api/consultations/[consultationId]/attachments": {
    expect: only(STAFF, NOT_A_FILE, 403),
    probe: { path: (c) => `/api/consultations/${c.consultationId}/attachments?commune=${c.communeId}`, multipart: notAFile },
    cross: 404,
  },
  // The scan of a paper opinion (lib/channels/upload-scan.ts): those who enter such opinions.
  "POST /api/communes/[slug]/consultations/[id]/opinion-scans": {
    expect: only(READERS, NOT_A_FILE, 403),
    probe: { path: (c) => `/api/communes/${c.slug}/consultations/${c.consultationId}/opinion-scans`, multipart: notAFile },
    cross: 404,
  },
  "POST /api/consultations/[consultationId]/opinion-photos": {
    expect: only(RESIDENT, NOT_A_FILE, 403),
    probe: { path: (c) => `/api/consultations/${c.consultationId}/opinion-photos?commune=${c.communeId}`, multipart: notAFile },
    cross: 404,
    crossAs: ["resident", "otherCommuneResident"],
  },
  // One's own reactions and opinions only: another commune's consultation simply has none of them.
  "GET /api/communes/[slug]/consultations/[id]/me": { expect: all(200), probe: { path: (c) => `/api/communes/${c.slug}/consultations/${c.consultationId}/me` }, cross: 200 },
  "POST /api/communes/[slug]/disclosure/photos": { expect: only(STAFF, NOT_A_FILE, 403), probe: { path: (c) => `/api/communes/${c.slug}/disclosure/photos`, multipart: notAFile } },
  "GET /api/communes/[slug]/disclosure/postings/[postingId]/photo": { expect: all(200), probe: { path: (c) => `/api/communes/${c.slug}/disclosure/postings/${c.postingId}/photo` }, cross: 404 },
  "POST /api/communes/[slug]/residents/import": { expect: only(STAFF, NOT_A_FILE, 403), probe: { path: (c) => `/api/communes/${c.slug}/residents/import?mode=preview`, multipart: notAFile } },
  // The signed minutes of a dialogue conference: the probe's is held and unpublished, so staff and the
  // Front read it and anyone else gets 404 (public once the results are published); staff upload.
  "POST /api/communes/[slug]/dialogues/[id]/minutes": {
    expect: only(STAFF, NOT_A_FILE, 403),
    probe: { path: (c) => `/api/communes/${c.slug}/dialogues/${c.dialogueId}/minutes`, multipart: notAFile },
    cross: 404,
  },
  "GET /api/communes/[slug]/dialogues/[id]/minutes": { expect: only(STAFF_OR_FRONT, 200, 404, 404), probe: { path: (c) => `/api/communes/${c.slug}/dialogues/${c.dialogueId}/minutes` }, cross: 404 },
  "GET /api/communes/[slug]/residents/template": { expect: only(STAFF, 200, 403), probe: { path: (c) => `/api/communes/${c.slug}/residents/template?format=csv` } },
  "GET /api/communes/[slug]/consultations/[id]/exports/[format]": {
    expect: only(STAFF_OR_FRONT, 200, 403),
    probe: { path: (c) => `/api/communes/${c.slug}/consultations/${c.consultationId}/exports/csv` },
    cross: 404,
  },
  // Public once published; the probe's notice is a draft: staff, leaders and the Front.
  "GET /api/communes/[slug]/consultations/[id]/notice/[format]": {
    expect: only(STAFF_OR_FRONT, 200, 403),
    probe: { path: (c) => `/api/communes/${c.slug}/consultations/${c.noticeConsultationId}/notice/pdf` },
    cross: 404,
  },
  // The reception register (ID numbers): staff and leaders only, never the Front nor a village head;
  // each exported line with an ID number is an audited read, so their download is recorded.
  "GET /api/communes/[slug]/reception/register": { expect: only(STAFF, 200, 403), records: STAFF, probe: { path: (c) => `/api/communes/${c.slug}/reception/register` } },
  // The conclusion notice of a reception session names complainants: staff, leaders and the Front.
  "GET /api/communes/[slug]/reception/sessions/[id]/notice/[format]": {
    expect: only(STAFF_OR_FRONT, 200, 403),
    probe: { path: (c) => `/api/communes/${c.slug}/reception/sessions/${c.receptionSessionId}/notice/pdf` },
    cross: 404,
  },
  // Village conventions: staff upload the dossier's scans (judged by content before anything else); the
  // scans carry signatures (staff, leaders, village heads, the Front); decisions are public. The probes
  // name no object: the file check answers first, and a missing file or decision is 404.
  "POST /api/communes/[slug]/conventions/versions/[id]/files": {
    expect: only(STAFF, NOT_A_FILE, 403),
    probe: { path: (c) => `/api/communes/${c.slug}/conventions/versions/no-such-version/files`, multipart: () => ({ kind: "REQUEST", ...notAFile() }) },
  },
  "GET /api/communes/[slug]/conventions/files/[fileId]": { expect: only(READERS, 404, 403), probe: { path: (c) => `/api/communes/${c.slug}/conventions/files/no-such-file` } },
  "GET /api/communes/[slug]/conventions/decisions/[stepId]/[format]": { expect: all(404), probe: { path: (c) => `/api/communes/${c.slug}/conventions/decisions/no-such-step/pdf` } },
  // Case photos: residents upload before filing, staff before an update; a photo is seen by anyone when its case
  // is public, else by its sender and staff (lib/cases/photo-routes.ts).
  "POST /api/communes/[slug]/cases/photos": { expect: only([...RESIDENT, ...STAFF], NOT_A_FILE, 403), probe: { path: (c) => `/api/communes/${c.slug}/cases/photos`, multipart: notAFile } },
  "GET /api/communes/[slug]/cases/photos/[photoId]": { expect: all(200), probe: { path: (c) => `/api/communes/${c.slug}/cases/photos/${c.casePhotoId}` }, cross: 404 },
  // Public case map pins (caseperf): anyone reads the public cases' compact pins, cached (lib/cases/public-cache.ts).
  "GET /api/communes/[slug]/cases/pins": { expect: all(200), probe: { path: (c) => `/api/communes/${c.slug}/cases/pins` } },
  // Site-visit photos of a supervision board: its members upload (anyone of the commune passes the gate, the
  // board check follows: the probe names no board, so 404); the board's members, the Front and staff see them.
  "POST /api/communes/[slug]/supervision/[boardId]/photos": {
    expect: only([...RESIDENT, ...STAFF_AREA, ...FRONT, ...INSPECTOR], 404, 403),
    probe: { path: (c) => `/api/communes/${c.slug}/supervision/no-such-board/photos`, multipart: notAFile },
    cross: 404,
  },
  "GET /api/communes/[slug]/supervision/photos/[photoId]": { expect: all(404), probe: { path: (c) => `/api/communes/${c.slug}/supervision/photos/no-such-photo` }, cross: 404 },
  // Public once published; the probe's report is a draft: staff and the Front, a 404 for anyone else signed in.
  // The People's Inspection Board's report to the Front (Decree 59/2023 Art. 14): the board, the Front, staff and leaders.
  "GET /api/communes/[slug]/inspection/report/[format]": { expect: only([...INSPECTOR, ...STAFF_OR_FRONT], 200, 403), probe: { path: (c) => `/api/communes/${c.slug}/inspection/report/pdf?period=2026-Q4` } },
  "GET /api/reports/[reportId]/document": { expect: only(STAFF_OR_FRONT, 200, 404), probe: { path: (c) => `/api/reports/${c.reportId}/document?format=pdf` }, cross: 404 },
  // Works' milestone photos (lib/works/photos.ts): officials upload before posting a milestone; a photo is seen by
  // anyone once its work is published, by officials before. The probe names no photo: 404 for all.
  "POST /api/communes/[slug]/works/photos": { expect: only(STAFF, NOT_A_FILE, 403), probe: { path: (c) => `/api/communes/${c.slug}/works/photos`, multipart: notAFile } },
  "GET /api/communes/[slug]/works/photos/[photoId]": { expect: all(404), probe: { path: (c) => `/api/communes/${c.slug}/works/photos/no-such-photo` }, cross: 404 },
  // Periodic reports (issue 14 §4): the report of a period and the quarterly disclosure list (Art. 13.2) for
  // staff, leaders, administrators and the Front; residents, village heads, inspectors and visitors are refused.
  "GET /api/communes/[slug]/periodic-reports/[format]": { expect: only(STAFF_OR_FRONT, 200, 403), probe: { path: (c) => `/api/communes/${c.slug}/periodic-reports/pdf?period=2026-Q4` } },
  "GET /api/communes/[slug]/disclosure-list/[format]": { expect: only(STAFF_OR_FRONT, 200, 403), probe: { path: (c) => `/api/communes/${c.slug}/disclosure-list/pdf?quarter=2026-Q4` } },
  // Issue 13 gaps (works13): the Front's notice to the investor of a supervision board (Law 10/2022 Art. 45.1.b),
  // DOCX/PDF for the Front, staff and leaders; the probe names no board, so 404 for them, 403 for anyone else.
  "GET /api/communes/[slug]/supervision/[boardId]/investor-notice/[format]": {
    expect: only(STAFF_OR_FRONT, 404, 403),
    probe: { path: (c) => `/api/communes/${c.slug}/supervision/no-such-board/investor-notice/pdf` },
    cross: 404,
  },
  // Read aloud (lib/read-aloud): anyone may hear what anyone may read; another commune's record is 404.
  "GET /api/communes/[slug]/read-aloud/[kind]/[id]": { expect: all(200), probe: { path: (c) => `/api/communes/${c.slug}/read-aloud/consultation/${c.consultationId}` }, cross: 404 },
};
