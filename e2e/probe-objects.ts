// The real objects the access matrix probes with, per commune: read from the test database, and made
// through the app itself (its routes and actions, as staff of that commune) when the seed has none.
// A probe on an id that matches nothing proves only that a 404 is a 404; these make each line bite.
import type { APIRequestContext } from "@playwright/test";
import type pg from "pg";

import type { ProbeContext } from "./access-matrix";
import { actionPage, type ManifestAction } from "./discover";
import { BASE_URL, callAction } from "./security-http";

/** A real, if tiny, PDF and PNG: the upload routes judge files by their content. */
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
/** An 8×8 PNG: case photos are re-encoded without metadata, which wants a few pixels (as e2e/cases.spec.ts). */
const PNG8 = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEUlEQVQImWOoiLLBihiGlgQAb05DgeDbNN0AAAAASUVORK5CYII=", "base64");

type Made = { staff: APIRequestContext; actions: ManifestAction[] };

async function one(db: pg.Client, sql: string, params: unknown[]): Promise<string | null> {
  return (await db.query<{ id: string }>(sql, params)).rows[0]?.id ?? null;
}

async function must(what: string, id: Promise<string | null>): Promise<string> {
  const value = await id;
  if (!value) throw new Error(`probe objects: no ${what}`);
  return value;
}

async function upload(staff: APIRequestContext, what: string, url: string, multipart: Record<string, unknown>): Promise<string> {
  const res = await staff.post(url, { multipart: multipart as never, headers: { Origin: BASE_URL }, maxRedirects: 0 });
  if (res.status() !== 201) throw new Error(`probe objects: uploading ${what} answered ${res.status()} ${(await res.text()).slice(0, 200)}`);
  return ((await res.json()) as { id: string }).id;
}

/**
 * The probe values of one commune. Its report is a draft with a version and its notice a draft (so
 * both are for staff and the Front only), its attachment withdrawn (staff only), its minutes a file of
 * a village meeting, its posting has a photo on a published consultation (public).
 */
export async function probeObjects(db: pg.Client, slug: string, made: Made): Promise<ProbeContext> {
  const communeId = await must(`commune ${slug}`, one(db, `SELECT id FROM "Commune" WHERE slug = $1`, [slug]));
  const consultationId = await must(
    "published consultation",
    one(db, `SELECT id FROM "Consultation" WHERE "communeId" = $1 AND status = 'PUBLISHED' ORDER BY "createdAt" LIMIT 1`, [communeId]),
  );
  // The report and notice go on a published consultation other journeys leave alone (the last one).
  const reportConsultationId = await must(
    "consultation for the report",
    one(db, `SELECT id FROM "Consultation" WHERE "communeId" = $1 AND status = 'PUBLISHED' ORDER BY "createdAt" DESC, id LIMIT 1`, [communeId]),
  );
  const staffPage = (key: string) => {
    const action = made.actions.find((a) => a.key === key);
    if (!action) throw new Error(`probe objects: ${key} is not in the build`);
    return { id: action.id, page: actionPage(action, { slug, consultationId: reportConsultationId }) };
  };

  const draftReport = () => one(db, `SELECT id FROM "Report" WHERE "consultationId" = $1 AND status = 'DRAFT' AND "currentVersion" > 0`, [reportConsultationId]);
  if (!(await draftReport())) {
    const out = await callAction(made.staff, staffPage("lib/reports/report-actions.ts#generateReportAction"), { communeId, consultationId: reportConsultationId }, { origin: BASE_URL });
    if (!out.result || out.result.serverError || out.result.validationErrors) throw new Error(`probe objects: drafting the report of ${slug} failed: ${out.body.slice(0, 300)}`);
  }
  const reportId = await must("draft report", draftReport());

  const noticeOf = () => one(db, `SELECT id FROM "OutcomeNotice" WHERE "consultationId" = $1`, [reportConsultationId]);
  if (!(await noticeOf())) {
    // No action drafts a notice before the report is approved; the row stands for that later step.
    await db.query(
      `INSERT INTO "OutcomeNotice" (id, "communeId", "consultationId", "reportId", status, title, body, "loudspeakerText", "createdById", "updatedAt")
       SELECT 'matrix-notice-' || $1, r."communeId", r."consultationId", r.id, 'DRAFT', 'Thông báo kết quả lấy ý kiến (dự thảo)',
              'Dự thảo thông báo kết quả lấy ý kiến Nhân dân, chỉ cán bộ và Mặt trận xã được xem trước khi công bố.', 'Dự thảo bài đọc trên loa.', r."createdById", now()
       FROM "Report" r WHERE r.id = $2`,
      [slug, reportId],
    );
  }
  const noticeId = await must("notice", noticeOf());

  const withdrawn = () => one(db, `SELECT id FROM "Attachment" WHERE "communeId" = $1 AND kind = 'DOCUMENT' AND "removedAt" IS NOT NULL ORDER BY id LIMIT 1`, [communeId]);
  if (!(await withdrawn())) {
    const id = await upload(made.staff, "an attachment", `/api/consultations/${consultationId}/attachments?commune=${communeId}`, {
      file: { name: "to-trinh-rut-lai.pdf", mimeType: "application/pdf", buffer: PDF },
    });
    await db.query(`UPDATE "Attachment" SET "removedAt" = now(), "removedById" = "uploadedById" WHERE id = $1`, [id]);
  }
  const attachmentId = await must("withdrawn attachment", withdrawn());

  const minutes = () => one(db, `SELECT id FROM "Attachment" WHERE "communeId" = $1 AND kind = 'MINUTES' ORDER BY id LIMIT 1`, [communeId]);
  if (!(await minutes())) {
    await upload(made.staff, "minutes", "/api/participation/minutes", { communeId, consultationId, file: { name: "bien-ban.pdf", mimeType: "application/pdf", buffer: PDF } });
  }
  const minutesId = await must("minutes", minutes());

  const meeting = () => one(db, `SELECT id FROM "MeetingRecord" WHERE "communeId" = $1 AND "consultationId" = $2 ORDER BY id LIMIT 1`, [communeId, consultationId]);
  if (!(await meeting())) {
    // A village meeting of the consultation's first village, as its village head records it, with the minutes above.
    await db.query(
      `INSERT INTO "MeetingRecord" (id, "communeId", "consultationId", "villageId", "heldAt", form, "householdsPresent", "householdsTotal", "minutesId", "enteredById")
       SELECT 'matrix-meeting-' || $1, c."communeId", c.id, v.id, now(), 'SHOW_OF_HANDS', 10, 20, $3, c."createdById"
       FROM "Consultation" c JOIN "Village" v ON v."communeId" = c."communeId" WHERE c.id = $2 ORDER BY v.id LIMIT 1`,
      [slug, consultationId, minutesId],
    );
  }
  const meetingId = await must("village meeting", meeting());

  // A dialogue conference held yesterday, its results not yet published, with the minutes above as its signed minutes.
  const dialogue = () => one(db, `SELECT id FROM "DialogueConference" WHERE id = 'matrix-dialogue-' || $1`, [slug]);
  if (!(await dialogue())) {
    await db.query(
      `INSERT INTO "DialogueConference" (id, "communeId", title, "startsAt", place, topics, officials, "announcedAt", "createdById", "minutesAttachmentId", "updatedAt")
       SELECT 'matrix-dialogue-' || $1, "communeId", 'Hội nghị đối thoại của ma trận quyền truy cập', now() - interval '1 day', 'Hội trường UBND xã',
              'Nội dung thử quyền truy cập', 'Chủ tịch UBND xã', now() - interval '10 days', "uploadedById", id, now()
       FROM "Attachment" WHERE id = $2`,
      [slug, minutesId],
    );
  }
  const dialogueId = await must("dialogue conference", dialogue());

  const posting = () => one(db, `SELECT p.id FROM "DisclosurePosting" p WHERE p."communeId" = $1 AND p."photoId" IS NOT NULL AND p."consultationId" = $2 ORDER BY p.id LIMIT 1`, [communeId, consultationId]);
  if (!(await posting())) {
    const photoId = await upload(made.staff, "a posting photo", `/api/communes/${slug}/disclosure/photos`, { file: { name: "bang-tin.png", mimeType: "image/png", buffer: PNG } });
    await db.query(
      `INSERT INTO "DisclosurePosting" (id, "communeId", "consultationId", channel, location, "startsAt", "photoId", "recordedById")
       SELECT 'matrix-posting-' || $1, "communeId", id, 'NOTICE_BOARD', 'Trụ sở UBND xã', now(), $3, "createdById" FROM "Consultation" WHERE id = $2`,
      [slug, consultationId, photoId],
    );
  }
  const postingId = await must("posting with a photo", posting());

  // A photo of a public petition or feedback (the filing's own photo): anyone may see it.
  const casePhoto = () =>
    one(
      db,
      `SELECT p."attachmentId" AS id FROM "CasePhoto" p JOIN "Case" c ON c.id = p."caseId" JOIN "Attachment" a ON a.id = p."attachmentId"
       WHERE c."communeId" = $1 AND c."isPublic" AND c.kind IN ('PETITION', 'FEEDBACK') AND c."mergedIntoId" IS NULL AND p."updateId" IS NULL AND a."removedAt" IS NULL
       ORDER BY p.id LIMIT 1`,
      [communeId],
    );
  if (!(await casePhoto())) {
    // Nghĩa Hành's seed has no case: one public feedback, as a resident would file it (numbered far above
    // the commune's counter, so that cases filed later never meet it).
    await db.query(
      `INSERT INTO "Case" (id, "communeId", number, kind, state, title, body, "isPublic", source, "receivedAt", "replyDueAt", "updatedAt")
       SELECT 'matrix-case-' || $1, $2, 900001, 'FEEDBACK', 'RECEIVED',
              'Ổ gà của ma trận quyền truy cập', 'Phản ánh mẫu của ma trận quyền truy cập.', true, 'WEB', now(), now() + interval '14 days', now()
       WHERE NOT EXISTS (SELECT 1 FROM "Case" WHERE "communeId" = $2 AND "isPublic" AND kind IN ('PETITION', 'FEEDBACK') AND "mergedIntoId" IS NULL)`,
      [slug, communeId],
    );
    const photoId = await upload(made.staff, "a case photo", `/api/communes/${slug}/cases/photos`, { file: { name: "o-ga.png", mimeType: "image/png", buffer: PNG8 } });
    await db.query(
      `INSERT INTO "CasePhoto" (id, "communeId", "caseId", "attachmentId")
       SELECT 'matrix-case-photo-' || $1, c."communeId", c.id, $3 FROM "Case" c
       WHERE c."communeId" = $2 AND c."isPublic" AND c.kind IN ('PETITION', 'FEEDBACK') AND c."mergedIntoId" IS NULL ORDER BY c.number LIMIT 1`,
      [slug, communeId, photoId],
    );
  }
  const casePhotoId = await must("photo of a public case", casePhoto());

  const opinion = () => one(db, `SELECT id FROM "Opinion" WHERE "consultationId" = $1 AND "moderationState" = 'VISIBLE' ORDER BY number LIMIT 1`, [consultationId]);
  if (!(await opinion())) {
    await db.query(
      `INSERT INTO "Opinion" (id, "communeId", "consultationId", number, "displayName", body, channel, "updatedAt")
       SELECT 'matrix-opinion-' || $1, "communeId", id, "opinionSeq" + 1, 'Người dân', 'Ý kiến mẫu của ma trận quyền truy cập.', 'WEB', now() FROM "Consultation" WHERE id = $2`,
      [slug, consultationId],
    );
    await db.query(`UPDATE "Consultation" SET "opinionSeq" = "opinionSeq" + 1 WHERE id = $1`, [consultationId]);
  }
  const opinionId = await must("opinion", opinion());

  const question = () => one(db, `SELECT id FROM "BallotQuestion" WHERE "communeId" = $1 ORDER BY ("consultationId" = $2) DESC, position, id LIMIT 1`, [communeId, consultationId]);
  if (!(await question())) {
    // Nghĩa Hành's consultation asks no question: one yes/no question, as staff would add it.
    await db.query(
      `INSERT INTO "BallotQuestion" (id, "communeId", "consultationId", position, text, kind, "votingUnit", "thresholdRule")
       SELECT 'matrix-question-' || $1, "communeId", id, 0, 'Ông/bà có đồng ý với phương án không?', 'YES_NO_ABSTAIN', 'HOUSEHOLD', 'NONE' FROM "Consultation" WHERE id = $2`,
      [slug, consultationId],
    );
    await db.query(
      `INSERT INTO "BallotOption" (id, "communeId", "questionId", position, label, "isAffirmative")
       VALUES ('matrix-yes-' || $1, $2, 'matrix-question-' || $1, 0, 'Đồng ý', true), ('matrix-no-' || $1, $2, 'matrix-question-' || $1, 1, 'Không đồng ý', false)`,
      [slug, communeId],
    );
  }

  return {
    communeId,
    auditSeq: await must("audit event with an actor", one(db, `SELECT max(seq)::text AS id FROM "AuditEvent" WHERE "communeId" = $1 AND "actorId" IS NOT NULL`, [communeId])),
    slug,
    consultationId,
    attachmentId,
    postingId,
    casePhotoId,
    minutesId,
    meetingId,
    dialogueId,
    reportId,
    noticeId,
    noticeConsultationId: reportConsultationId,
    opinionId,
    questionId: await must("question", question()),
    optionId: await must("option", one(db, `SELECT o.id FROM "BallotOption" o WHERE o."questionId" = ($2)::text AND o."communeId" = $1 ORDER BY o.position LIMIT 1`, [communeId, await question()])),
    membershipId: await must("a resident's membership", one(db, `SELECT id FROM "Membership" WHERE "communeId" = $1 AND role = 'RESIDENT' ORDER BY status DESC, id LIMIT 1`, [communeId])),
    userId: await must("a resident's account", one(db, `SELECT "userId" AS id FROM "Membership" WHERE "communeId" = $1 AND role = 'RESIDENT' ORDER BY id LIMIT 1`, [communeId])),
    villageId: await must("village", one(db, `SELECT id FROM "Village" WHERE "communeId" = $1 ORDER BY name LIMIT 1`, [communeId])),
    householdId: await must("household", one(db, `SELECT id FROM "Household" WHERE "communeId" = $1 ORDER BY code LIMIT 1`, [communeId])),
    receptionSessionId: await must("reception session", one(db, `SELECT id FROM "ReceptionSession" WHERE "communeId" = $1 AND id LIKE 'demo-reception-%' LIMIT 1`, [communeId])),
    receptionVisitId: await must("reception register line", one(db, `SELECT id FROM "ReceptionVisit" WHERE "communeId" = $1 ORDER BY number LIMIT 1`, [communeId])),
    inspectionBoardId: await must("inspection board", one(db, `SELECT id FROM "InspectionBoard" WHERE "communeId" = $1 AND id LIKE 'demo-inspection-%' LIMIT 1`, [communeId])),
    inspectionMemberId: await must("inspection board member", one(db, `SELECT id FROM "InspectionMember" WHERE "communeId" = $1 AND "boardId" LIKE 'demo-inspection-%' ORDER BY "createdAt", id LIMIT 1`, [communeId])),
    inspectionItemId: await must("inspection recommendation", one(db, `SELECT id FROM "InspectionItem" WHERE "communeId" = $1 AND kind = 'RECOMMENDATION' AND number = 1 LIMIT 1`, [communeId])),
    otherVillageResidentId: await must(
      "person of Phú Khương without an account",
      one(
        db,
        `SELECT r.id FROM "Resident" r JOIN "Village" v ON v.id = r."villageId" WHERE r."communeId" = $1 AND r."isActive"
         AND NOT EXISTS (SELECT 1 FROM "Membership" m WHERE m."residentId" = r.id)
         ORDER BY (v.name = 'Phú Khương') DESC, r.id LIMIT 1`,
        [communeId],
      ),
    ),
  };
}
