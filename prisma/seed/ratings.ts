// Demo ratings (issue 12 §5): six anonymous answers on Thiện Tín's first closed consultation, so the
// public ratings page shows averages (five answers or more). Fixed ids: seeding twice adds nothing.
import type { Db } from "@/lib/db";
import { quarterOf } from "@/lib/ratings/rules";

const SCORES = [
  [5, 4, 4, 5, 5],
  [4, 4, 3, 4, 4],
  [3, 5, null, 3, 4],
  [4, 3, 4, 4, 4],
  [5, 5, 5, 4, 5],
  [2, 4, 3, 3, 3],
] as const;
const COMMENTS = ["Thông báo trên loa rất rõ.", "Nên họp thôn vào buổi tối để nhiều người dự.", null, null, "Cảm ơn UBND xã đã trả lời.", null];

export async function seedRatings(db: Db, communeId: string, log: (line: string) => void) {
  const consultation = await db.consultation.findFirst({ where: { communeId, status: "CLOSED" }, orderBy: { title: "asc" }, select: { id: true, matterKind: true } });
  if (!consultation) return;
  const { count } = await db.ratingAnswer.createMany({
    data: SCORES.map(([informedInTime, ableToTakePart, opinionAnswered, outcomeUnderstood, overall], i) => ({
      id: `00000000-0000-4000-a000-${String(i + 1).padStart(12, "0")}`,
      communeId,
      subjectType: "CONSULTATION" as const,
      subjectId: consultation.id,
      category: consultation.matterKind,
      quarter: quarterOf(new Date()),
      informedInTime,
      ableToTakePart,
      opinionAnswered,
      outcomeUnderstood,
      overall,
      comment: COMMENTS[i] ?? null,
    })),
    skipDuplicates: true,
  });
  if (count) log(`  ${count} rating answer(s)`);
}
