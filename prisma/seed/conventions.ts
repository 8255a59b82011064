// Demo data for village conventions (issue 13 §5): in xã Thiện Tín, the convention of thôn Phú Khương,
// recognised by the chair's decision (QĐ numbered in the commune's register) about 400 days ago, sent and
// posted, with its yearly review (18 November) now due. Seeding again changes nothing: the id is fixed.
import type { Db } from "@/lib/db";
import { issueDocumentNumber } from "@/lib/register/issue-number";
import type { Role } from "@/lib/generated/prisma/enums";

const DAY = 24 * 3600 * 1000;

const TEXT = `Chương I. NHỮNG QUY ĐỊNH CHUNG
Điều 1. Hương ước này quy định những việc người dân trong thôn Phú Khương cùng nhau thực hiện để giữ gìn thuần phong mỹ tục, bảo vệ môi trường và giữ gìn an ninh trật tự.
Chương II. NỘI DUNG CỤ THỂ
Điều 2. Mỗi hộ gia đình giữ vệ sinh đường làng, ngõ xóm trước nhà; rác thải được phân loại và đổ đúng nơi quy định.
Điều 3. Việc cưới, việc tang tổ chức trang trọng, tiết kiệm, không mở nhạc quá 22 giờ.
Điều 4. Các hộ gia đình giúp đỡ nhau khi gặp khó khăn, hoạn nạn.
Chương III. TỔ CHỨC THỰC HIỆN
Điều 5. Trưởng thôn phối hợp với Ban công tác Mặt trận thôn tổ chức thực hiện và rà soát hương ước hằng năm.`;

export async function seedConventions(db: Db, ids: { communeId: string; staffId: string; leaderId: string }, now = new Date()) {
  const conventionId = `demo-convention-${ids.communeId}`.slice(0, 40);
  if (await db.convention.findUnique({ where: { id: conventionId }, select: { id: true } })) return;
  const village = await db.village.findFirstOrThrow({ where: { communeId: ids.communeId, name: "Phú Khương" }, select: { id: true, householdCount: true } });
  const leader = await db.membership.findFirst({ where: { userId: ids.leaderId, communeId: ids.communeId, role: "LEADER" }, select: { title: true, user: { select: { name: true } } } });
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const proposedAt = at(480);
  const adoptedAt = at(420);
  const submittedAt = at(417);
  const decidedAt = at(414);
  const sentAt = at(413);
  await db.$transaction(async (tx) => {
    const access = { userId: ids.leaderId, communeId: ids.communeId, roles: ["LEADER"] as Role[], memberships: [], actingRole: "LEADER" as Role };
    const issued = await issueDocumentNumber(tx, access, { type: "QD", subject: "Công nhận Hương ước thôn Phú Khương (Phú Khương)", issuedAt: decidedAt });
    await tx.convention.create({
      data: { id: conventionId, communeId: ids.communeId, villageId: village.id, title: "Hương ước thôn Phú Khương", status: "IN_FORCE", inForceSince: decidedAt, createdById: ids.staffId, createdAt: proposedAt },
    });
    const version = await tx.conventionVersion.create({
      data: {
        communeId: ids.communeId,
        conventionId,
        number: 1,
        kind: "NEW",
        stage: "RECOGNISED",
        proposer: "HEAD_WITH_FRONT",
        frontHeadName: "Phạm Thị Hồng",
        householdsAtProposal: village.householdCount,
        summary: "Xây dựng hương ước của thôn về nếp sống văn minh, vệ sinh môi trường và an ninh trật tự.",
        draftingGroup: ["Võ Văn Dũng (Trưởng thôn)", "Phạm Thị Hồng (Trưởng ban công tác Mặt trận)", "Nguyễn Văn Hải (Bí thư chi bộ)"],
        adoptionResult: { agree: Math.ceil(village.householdCount * 0.72), households: village.householdCount, percent: 72, source: "MEETING", meeting: null, quorumMissing: false, passed: true },
        adoptedAt,
        submittedAt,
        decidedAt,
        decisionDocumentId: issued.id,
        sentAt,
        postedAt: sentAt,
        createdAt: proposedAt,
      },
      select: { id: true },
    });
    await tx.convention.update({ where: { id: conventionId }, data: { currentVersionId: version.id } });
    await tx.conventionDraft.create({ data: { communeId: ids.communeId, versionId: version.id, number: 1, text: TEXT, createdById: ids.staffId, createdAt: at(470) } });
    const signer = { name: leader?.user.name ?? "", title: leader?.title ?? "Chủ tịch" };
    const steps: { kind: string; at: Date; actorId: string; actorRole: Role; dueAt?: Date; onTime?: boolean; note?: string; documentId?: string }[] = [
      { kind: "PROPOSED", at: proposedAt, actorId: ids.staffId, actorRole: "STAFF", note: "Trưởng thôn cùng Trưởng ban công tác Mặt trận thôn đề xuất." },
      { kind: "DRAFTING_GROUP", at: at(475), actorId: ids.staffId, actorRole: "STAFF" },
      { kind: "DRAFT_TEXT", at: at(470), actorId: ids.staffId, actorRole: "STAFF", note: "#1" },
      { kind: "POSTED", at: at(460), actorId: ids.staffId, actorRole: "STAFF" },
      { kind: "ADOPTED", at: adoptedAt, actorId: ids.staffId, actorRole: "STAFF" },
      { kind: "SUBMITTED", at: submittedAt, actorId: ids.staffId, actorRole: "STAFF", onTime: true },
      { kind: "RECOGNISED", at: decidedAt, actorId: ids.leaderId, actorRole: "LEADER", onTime: true, note: JSON.stringify({ signer, reasons: null }), documentId: issued.id },
      { kind: "SENT", at: sentAt, actorId: ids.staffId, actorRole: "STAFF", onTime: true },
      { kind: "PUBLISHED", at: sentAt, actorId: ids.staffId, actorRole: "STAFF" },
    ];
    for (const s of steps) {
      await tx.conventionStep.create({ data: { communeId: ids.communeId, conventionId, versionId: version.id, kind: s.kind, at: s.at, actorId: s.actorId, actorRole: s.actorRole, onTime: s.onTime ?? null, note: s.note ?? null, documentId: s.documentId ?? null, createdAt: s.at } });
    }
  });
}
