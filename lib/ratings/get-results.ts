import "server-only";

// Rating results in aggregate, per subject, per category and per quarter, each with its number of
// answers. A group with fewer than MIN_ANSWERS_SHOWN answers shows its count and no averages (nor
// comments): the averages of three answers could give one person away (rules.ts).
import { db } from "@/lib/db";
import type { RatingSubjectType } from "@/lib/generated/prisma/enums";

import { canShowAverages, RATING_ITEMS, type RatingItem } from "./rules";

export type Averages = Record<RatingItem, number | null>;
export type ResultRow = { key: string; answers: number; averages: Averages | null };
export type SubjectRow = ResultRow & { subjectType: RatingSubjectType; subjectId: string; title: string | null; invited: number };

type Raw = { key: string; answers: bigint } & Record<RatingItem, number | null>;

const AVERAGES_SQL = RATING_ITEMS.map((item) => `round(avg("${item}")::numeric, 2)::float8 AS "${item}"`).join(", ");

function toRow(raw: Raw): ResultRow {
  const answers = Number(raw.answers);
  const averages = canShowAverages(answers) ? (Object.fromEntries(RATING_ITEMS.map((item) => [item, raw[item]])) as Averages) : null;
  return { key: raw.key, answers, averages };
}

async function grouped(communeId: string, keySql: string, order: string): Promise<ResultRow[]> {
  const rows = await db.$queryRawUnsafe<Raw[]>(
    `SELECT ${keySql} AS "key", count(*) AS "answers", ${AVERAGES_SQL} FROM "RatingAnswer" WHERE "communeId" = $1 GROUP BY 1 ORDER BY ${order}`,
    communeId,
  );
  return rows.map(toRow);
}

/** Per subject (with its title for a consultation), per category, per quarter; and comments when `withComments`. */
export async function getRatingResults(communeId: string, options: { withComments?: boolean } = {}) {
  const [subjects, categories, quarters, invites] = await Promise.all([
    grouped(communeId, `"subjectType"::text || ':' || "subjectId"`, `1`),
    grouped(communeId, `"subjectType"::text || ':' || "category"`, `1`),
    grouped(communeId, `"quarter"`, `1 DESC`),
    db.ratingInvite.groupBy({ by: ["subjectType", "subjectId"], where: { communeId }, _count: { _all: true } }),
  ]);
  const consultationIds = subjects.filter((s) => s.key.startsWith("CONSULTATION:")).map((s) => s.key.slice("CONSULTATION:".length));
  const titles = new Map(
    (await db.consultation.findMany({ where: { communeId, id: { in: consultationIds } }, select: { id: true, title: true } })).map((c) => [c.id, c.title]),
  );
  const invited = new Map(invites.map((i) => [`${i.subjectType}:${i.subjectId}`, i._count._all]));
  const bySubject: SubjectRow[] = subjects.map((s) => {
    const [subjectType, subjectId] = s.key.split(":") as [RatingSubjectType, string];
    return { ...s, subjectType, subjectId, title: titles.get(subjectId) ?? null, invited: invited.get(s.key) ?? 0 };
  });
  const comments = options.withComments ? await listComments(communeId, bySubject) : new Map<string, string[]>();
  return { bySubject, byCategory: categories, byQuarter: quarters, comments };
}

/**
 * The free text of subjects with enough answers, in alphabetical order (never in the order given, which
 * could be matched against the audit log's times).
 */
async function listComments(communeId: string, subjects: SubjectRow[]) {
  const shown = subjects.filter((s) => s.averages !== null);
  const comments = new Map<string, string[]>();
  if (shown.length === 0) return comments;
  const rows = await db.ratingAnswer.findMany({
    where: { communeId, comment: { not: null }, OR: shown.map((s) => ({ subjectType: s.subjectType, subjectId: s.subjectId })) },
    select: { subjectType: true, subjectId: true, comment: true },
    orderBy: { comment: "asc" },
  });
  for (const r of rows) {
    const key = `${r.subjectType}:${r.subjectId}`;
    comments.set(key, [...(comments.get(key) ?? []), r.comment!]);
  }
  return comments;
}
