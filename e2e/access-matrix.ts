// Who may call what: one line per server action and per route handler method. The security specs
// discover every action (files with "use server", and the build's server-reference manifest) and
// every route handler (app/**/route.ts) and fail on any that has no line here, so a new action or
// route is refused by the tests until someone decides who may call it.
//
// "Allowed" means the call passes the access check and reaches the action's own work (which may
// still refuse the probe's input); "denied" means 401/403 (unauthenticated, forbidden), with nothing
// written. Domain rules behind the gate (a village head for their own village only, one's own
// opinion, one's own ballot) are proved in lib/**/*.int.test.ts (e.g. vote-authorization.int.test.ts).

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

/**
 * The values a probe may use, read from the test database: the commune checked is always Thiện Tín.
 * `probe` builds the input; the default `{ communeId }` passes the role check and stops at validation.
 */
export type ProbeContext = {
  communeId: string;
  slug: string;
  consultationId: string;
  attachmentId: string;
  postingId: string;
  minutesId: string;
  /** A person on the list of Phú Khương without an account: not of the matrix's village head's village. */
  otherVillageResidentId: string;
};

/**
 * `fuzzAs`: who the fuzzing tries the action as, when not the first of `allowed`. `fuzzMayWrite`: why
 * the action may write when the hostile input still holds everything it needs (its schema drops the
 * extra fields) — allowed only when the call succeeded, never on a refusal.
 */
export type ActionEntry = { allowed: Who[]; probe?: (c: ProbeContext) => unknown; fuzzAs?: Who; fuzzMayWrite?: string };

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
  // Only the caller's own notifications can match; the probe's commune id is too long, so nothing is marked.
  "lib/notifications/actions.ts#markNotificationsReadAction": { allowed: SIGNED_IN, probe: () => ({ communeId: "x".repeat(41) }) },
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
  "lib/participation/vote-actions.ts#checkReceiptAction": { allowed: EVERYONE },
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
  // The outcome notice: staff draft, edit and publish; a leader approves.
  "lib/notices/actions.ts#draftNoticeAction": { allowed: STAFF },
  "lib/notices/actions.ts#updateNoticeAction": { allowed: STAFF },
  "lib/notices/actions.ts#approveNoticeAction": { allowed: LEADER },
  "lib/notices/actions.ts#publishNoticeAction": { allowed: STAFF },
  // Officials' roles: administrators only.
  "lib/people/official-actions.ts#grantRoleAction": { allowed: ADMIN },
  "lib/people/official-actions.ts#revokeRoleAction": { allowed: ADMIN },
};

type Upload = { name: string; mimeType: string; buffer: Buffer };
export type RouteProbe = { path: (c: ProbeContext) => string; multipart?: (c: ProbeContext) => Record<string, string | Upload> };
/** `records`: whose call is itself recorded (rows and an audit event); everyone else's writes nothing. */
export type RouteEntry = { allowed: Who[]; probe: RouteProbe; records?: Who[] };

/** A file whose content is not what its name says: allowed callers get it refused, nothing is stored. */
const notAFile = (): Record<string, string | Upload> => ({ file: { name: "probe.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ not really a pdf") } });

/** Key: "<METHOD> <route as in app/, without /route.ts>". */
export const ROUTES: Record<string, RouteEntry> = {
  "GET /api/health": { allowed: EVERYONE, probe: { path: () => "/api/health" } },
  "GET /api/audit/head": { allowed: EVERYONE, probe: { path: (c) => `/api/audit/head?commune=${c.slug}` } },
  "GET /api/audit/events/[seq]": { allowed: EVERYONE, probe: { path: (c) => `/api/audit/events/1?commune=${c.slug}` } },
  "GET /api/auth/[...nextauth]": { allowed: EVERYONE, probe: { path: () => "/api/auth/session" } },
  // Sign-in and sign-out need next-auth's CSRF token: proved in security-web.spec.ts.
  "POST /api/auth/[...nextauth]": { allowed: EVERYONE, probe: { path: () => "/api/auth/_log", multipart: () => ({}) } },
  "GET /api/attachments/[id]": { allowed: EVERYONE, probe: { path: (c) => `/api/attachments/${c.attachmentId}` } },
  // The export is one's own data; it is recorded as an access request in the commune, for its members only.
  "GET /api/me/data-export": { allowed: SIGNED_IN, records: [...RESIDENT, ...STAFF_AREA, ...FRONT], probe: { path: (c) => `/api/me/data-export?commune=${c.slug}` } },
  "GET /api/open-data/consultations.csv": { allowed: EVERYONE, probe: { path: (c) => `/api/open-data/consultations.csv?commune=${c.slug}` } },
  "GET /api/open-data/consultations.geojson": { allowed: EVERYONE, probe: { path: (c) => `/api/open-data/consultations.geojson?commune=${c.slug}` } },
  "OPTIONS /api/open-data/consultations.csv": { allowed: EVERYONE, probe: { path: (c) => `/api/open-data/consultations.csv?commune=${c.slug}` } },
  "OPTIONS /api/open-data/consultations.geojson": { allowed: EVERYONE, probe: { path: (c) => `/api/open-data/consultations.geojson?commune=${c.slug}` } },
  "GET /feed.xml": { allowed: EVERYONE, probe: { path: (c) => `/feed.xml?commune=${c.slug}` } },
  "POST /api/participation/minutes": { allowed: STAFF_AREA, probe: { path: () => "/api/participation/minutes", multipart: (c) => ({ communeId: c.communeId, consultationId: c.consultationId, ...notAFile() }) } },
  "GET /api/participation/minutes/[id]": { allowed: [...STAFF_AREA, ...FRONT], probe: { path: (c) => `/api/participation/minutes/${c.minutesId}?communeId=${c.communeId}` } },
  "POST /api/consultations/[consultationId]/attachments": { allowed: STAFF, probe: { path: (c) => `/api/consultations/${c.consultationId}/attachments?commune=${c.communeId}`, multipart: notAFile } },
  "POST /api/consultations/[consultationId]/opinion-photos": { allowed: RESIDENT, probe: { path: (c) => `/api/consultations/${c.consultationId}/opinion-photos?commune=${c.communeId}`, multipart: notAFile } },
  "GET /api/communes/[slug]/consultations/[id]/me": { allowed: EVERYONE, probe: { path: (c) => `/api/communes/${c.slug}/consultations/${c.consultationId}/me` } },
  "POST /api/communes/[slug]/disclosure/photos": { allowed: STAFF, probe: { path: (c) => `/api/communes/${c.slug}/disclosure/photos`, multipart: notAFile } },
  "GET /api/communes/[slug]/disclosure/postings/[postingId]/photo": { allowed: EVERYONE, probe: { path: (c) => `/api/communes/${c.slug}/disclosure/postings/${c.postingId}/photo` } },
  "POST /api/communes/[slug]/residents/import": { allowed: STAFF, probe: { path: (c) => `/api/communes/${c.slug}/residents/import?mode=preview`, multipart: notAFile } },
  "GET /api/communes/[slug]/residents/template": { allowed: STAFF, probe: { path: (c) => `/api/communes/${c.slug}/residents/template?format=csv` } },
  "GET /api/communes/[slug]/consultations/[id]/exports/[format]": { allowed: STAFF_OR_FRONT, probe: { path: (c) => `/api/communes/${c.slug}/consultations/${c.consultationId}/exports/csv` } },
  // Public once published; before that staff, leaders and the Front (per role in lib/notices and lib/reports tests).
  "GET /api/communes/[slug]/consultations/[id]/notice/[format]": { allowed: EVERYONE, probe: { path: (c) => `/api/communes/${c.slug}/consultations/${c.consultationId}/notice/pdf` } },
  "GET /api/reports/[reportId]/document": { allowed: EVERYONE, probe: { path: (c) => `/api/reports/${c.consultationId}/document?format=pdf` } },
};
