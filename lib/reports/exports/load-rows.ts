// The export rows of a consultation, read from the database in batches (keyset on the opinion number)
// so that an export of 50,000 opinions never holds them all: each batch is written out and dropped.
import { db } from "@/lib/db";

import type { OpinionExportRow } from "./opinion-rows";

export const EXPORT_BATCH = 2000;

export async function* opinionRowBatches(consultationId: string, options: { pinnedOnly?: boolean; batch?: number } = {}): AsyncGenerator<OpinionExportRow[]> {
  const consultation = await db.consultation.findUniqueOrThrow({ where: { id: consultationId }, select: { communeId: true } });
  const villages = new Map((await db.village.findMany({ where: { communeId: consultation.communeId }, select: { id: true, name: true } })).map((v) => [v.id, v.name]));
  let after = 0;
  const take = options.batch ?? EXPORT_BATCH;
  for (;;) {
    const opinions = await db.opinion.findMany({
      where: { consultationId, number: { gt: after }, ...(options.pinnedOnly ? { lat: { not: null }, lng: { not: null } } : {}) },
      orderBy: { number: "asc" },
      take,
      select: {
        number: true,
        createdAt: true,
        displayName: true,
        channel: true,
        stance: true,
        body: true,
        agreeCount: true,
        disagreeCount: true,
        lat: true,
        lng: true,
        villageId: true,
        parent: { select: { number: true } },
        section: { select: { heading: true } },
        answer: { select: { kind: true, body: true, answeredAt: true } },
      },
    });
    if (opinions.length === 0) return;
    yield opinions.map((o) => ({
      number: o.number,
      createdAt: o.createdAt,
      villageName: o.villageId ? (villages.get(o.villageId) ?? null) : null,
      displayName: o.displayName,
      channel: o.channel,
      stance: o.stance,
      replyTo: o.parent?.number ?? null,
      sectionHeading: o.section?.heading ?? null,
      // Themes belong to a report version; the raw export leaves the column for staff to fill.
      themeLabel: null,
      body: o.body,
      agreeCount: o.agreeCount,
      disagreeCount: o.disagreeCount,
      lat: o.lat,
      lng: o.lng,
      answerKind: o.answer?.kind ?? null,
      answerBody: o.answer?.body ?? null,
      answeredAt: o.answer?.answeredAt ?? null,
    }));
    after = opinions.at(-1)!.number;
    if (opinions.length < take) return;
  }
}
