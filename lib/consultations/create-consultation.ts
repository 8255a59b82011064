import type { CommuneAccess } from "@/lib/auth/authorize";
import { db, type Tx } from "@/lib/db";
import { invalid, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/oversight/audit";
import { readSettings } from "@/lib/settings";
import { toSearchKey } from "@/lib/text/search-key";

import { checkEditedPeriods, type PeriodFields } from "./edit-rules";
import { type Bounds, type ConsultationGeometry, boundsOf, centerOf, validateGeometry } from "./geometry";
import { checkChannels } from "./legal-rules";
import { endOfDayVn, startOfDayVn } from "./periods";
import type { ConsultationValues } from "./schemas";

/** Loads what the checks need about the commune: its bounds and settings. */
export async function loadCommuneContext(communeId: string) {
  const commune = await db.commune.findUnique({
    where: { id: communeId },
    select: { id: true, boundary: true, centerLat: true, centerLng: true, settings: true },
  });
  if (!commune) throw notFound("communeNotFound");
  const bounds: Bounds = commune.boundary
    ? boundsOf(commune.boundary as never)
    : [commune.centerLng, commune.centerLat, commune.centerLng, commune.centerLat];
  return { commune, bounds, settings: readSettings(commune.settings) };
}

export function sectionAnchor(heading: string, index: number): string {
  const slug = toSearchKey(heading).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);
  return `${index + 1}-${slug || "muc"}`;
}

/**
 * Runs every server-side check on consultation values (the schema already ran): geometry against the
 * commune, periods against the commune's settings, lawful channels, villages of this commune. Throws a
 * 422 naming the field and the rule. An edit after publication passes the periods as published
 * (lib/consultations/edit-rules.ts).
 */
export async function prepareConsultation(
  communeId: string,
  values: ConsultationValues,
  hasBallot: boolean,
  options: { published?: PeriodFields | null; now?: Date } = {},
) {
  const { bounds, settings } = await loadCommuneContext(communeId);

  let geometry: ConsultationGeometry | null = null;
  if (values.geometry !== null && values.geometry !== undefined) {
    const result = validateGeometry(values.geometry, { bounds, km: settings.geometryReachKm });
    if (!result.ok) throw invalid(result.problem.code, result.problem.params, { geometry: result.problem.code });
    geometry = result.geometry;
  }

  const [period] = checkEditedPeriods(values, options.published ?? null, settings, options.now);
  if (period) throw invalid(period.code, period.params, { [period.field]: period.code });

  const channelProblem = checkChannels({
    category: values.legalCategory,
    channels: values.allowedChannels,
    hasBallot,
    onlineVoteNoticeGiven: values.onlineVoteNoticeGiven,
  });
  if (channelProblem) throw invalid(channelProblem.code, {}, { allowedChannels: channelProblem.code });

  const villageIds = values.isCommuneWide ? [] : [...new Set(values.villageIds)];
  if (villageIds.length > 0) {
    const count = await db.village.count({ where: { communeId, id: { in: villageIds } } });
    if (count !== villageIds.length) throw invalid("unknownVillage", {}, { villageIds: "unknownVillage" });
  }

  const center = geometry ? centerOf(geometry) : null;
  const data = {
    title: values.title,
    summary: values.summary,
    matterKind: values.matterKind,
    legalCategory: values.legalCategory,
    subject: values.subject,
    isCommuneWide: values.isCommuneWide,
    allowedChannels: values.allowedChannels,
    postingStartsAt: values.postingStartsAt ? startOfDayVn(values.postingStartsAt) : null,
    postingEndsAt: values.postingEndsAt ? endOfDayVn(values.postingEndsAt) : null,
    commentStartsAt: startOfDayVn(values.commentStartsAt),
    commentEndsAt: endOfDayVn(values.commentEndsAt),
    legalBasis: values.legalBasis,
    responsibleOfficer: values.responsibleOfficer,
    geometry: (geometry ?? undefined) as Prisma.InputJsonValue | undefined,
    centerLat: center?.lat ?? null,
    centerLng: center?.lng ?? null,
    showResultsLive: values.showResultsLive,
    requiresBroadcast: values.requiresBroadcast,
    onlineVoteNoticeAt: values.onlineVoteNoticeGiven ? new Date() : null,
    searchText: toSearchKey([values.title, values.summary, ...values.sections.flatMap((s) => [s.heading, s.body])].join(" ")),
  };

  const sections = values.sections.map((s, i) => ({
    id: s.id,
    communeId,
    position: i,
    anchor: sectionAnchor(s.heading, i),
    heading: s.heading,
    body: s.body,
  }));
  return { data, sections, villageIds };
}

export async function createConsultationInTx(
  tx: Tx,
  access: Pick<CommuneAccess, "userId" | "communeId" | "actingRole">,
  prepared: Awaited<ReturnType<typeof prepareConsultation>>,
) {
  const { communeId } = access;
  const consultation = await tx.consultation.create({
    data: {
      ...prepared.data,
      communeId,
      status: "DRAFT",
      createdById: access.userId,
      // Ids sent with sections matter only to edits: a new consultation's sections are new.
      sections: { create: prepared.sections.map(({ communeId: _c, id: _id, ...s }) => s) },
      villages: { create: prepared.villageIds.map((villageId) => ({ villageId })) },
    },
    select: { id: true, title: true, status: true },
  });
  await appendAudit(tx, {
    communeId,
    actorId: access.userId,
    actorRole: access.actingRole,
    action: "consultation.create",
    entityType: "Consultation",
    entityId: consultation.id,
    after: { ...prepared.data, sections: prepared.sections, villageIds: prepared.villageIds },
    details: { title: consultation.title },
  });
  return consultation;
}

/** Creates a consultation as a draft; nothing is public until it is published. */
export async function createConsultation(access: CommuneAccess, values: ConsultationValues) {
  const prepared = await prepareConsultation(access.communeId, values, false);
  return db.$transaction((tx) => createConsultationInTx(tx, access, prepared));
}
