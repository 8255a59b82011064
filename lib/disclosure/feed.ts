// The Atom feed (RFC 4287) of new publications: consultations as they are published and, once the
// reports work publishes them, outcome notices. Entry ids are the permanent addresses of the pages,
// so a reader never sees an entry twice; the text is Vietnamese, the site's first language.
import { Feed } from "feed";
import { createTranslator } from "next-intl";

import { toVnDate } from "@/lib/consultations/periods";
import type { ConsultationStatus, LegalCategory, MatterKind } from "@/lib/generated/prisma/enums";
import { loadMessages } from "@/lib/i18n/load-messages";

import { consultationUrl } from "./open-data";

export type FeedItem =
  | {
      kind: "consultation";
      id: string;
      communeSlug: string;
      communeName: string;
      title: string;
      text: string;
      status: ConsultationStatus;
      matterKind: MatterKind;
      legalCategory: LegalCategory;
      commentStartsAt: Date | null;
      commentEndsAt: Date | null;
      publishedAt: Date;
      updatedAt: Date;
    }
  | {
      kind: "notice";
      id: string;
      consultationId: string;
      communeSlug: string;
      communeName: string;
      title: string;
      text: string;
      publishedAt: Date;
      updatedAt: Date;
    };

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("");

/** "5/12/2026": how a Vietnamese reader writes a date. */
const vnDate = (d: Date) => toVnDate(d).split("-").reverse().map((part, i) => (i < 2 ? String(Number(part)) : part)).join("/");

export const feedPath = (communeSlug?: string) => (communeSlug ? `/feed.xml?commune=${encodeURIComponent(communeSlug)}` : "/feed.xml");

export function buildAtomFeed(input: { origin: string; commune: { slug: string; name: string } | null; items: readonly FeedItem[]; now?: Date }): string {
  // Keys are checked by the catalogue tests, not by types: the catalogues are loaded at run time.
  const t = createTranslator({ locale: "vi", messages: loadMessages("vi") }) as unknown as (key: string, values?: Record<string, string | number>) => string;
  const { origin, commune, items } = input;
  const self = `${origin}${feedPath(commune?.slug)}`;
  const updated = items.reduce<Date | null>((latest, i) => (!latest || i.updatedAt > latest ? i.updatedAt : latest), null) ?? input.now ?? new Date();
  const feed = new Feed({
    id: self,
    title: commune ? t("disclosure.feed.communeTitle", { name: commune.name }) : t("disclosure.feed.title"),
    description: t("disclosure.feed.subtitle"),
    link: commune ? `${origin}/${commune.slug}` : `${origin}/`,
    feedLinks: { atom: self },
    updated,
    generator: "Dân Bàn",
    author: { name: commune ? t("common.peoplesCommittee", { name: commune.name }) : t("common.appName") },
  });
  for (const item of items) {
    const author = [{ name: t("common.peoplesCommittee", { name: item.communeName }) }];
    if (item.kind === "consultation") {
      const link = consultationUrl(origin, item.communeSlug, item.id);
      const period =
        item.commentStartsAt && item.commentEndsAt
          ? `<p>${escapeHtml(t("disclosure.feed.commentPeriod", { from: vnDate(item.commentStartsAt), to: vnDate(item.commentEndsAt) }))}</p>`
          : "";
      feed.addItem({
        id: link,
        link,
        title: item.title,
        date: item.updatedAt,
        published: item.publishedAt,
        description: escapeHtml(item.text),
        content: `${paragraphs(item.text)}${period}<p>${escapeHtml(`${t(`enums.MatterKind.${item.matterKind}`)} · ${t(`enums.ConsultationStatus.${item.status}`)}`)}</p>`,
        author,
        category: [{ term: item.matterKind, name: t(`enums.MatterKind.${item.matterKind}`) }, { term: item.legalCategory, name: t(`enums.LegalCategory.${item.legalCategory}`) }],
      });
    } else {
      const link = `${origin}/${item.communeSlug}/disclosure/${item.id}`;
      feed.addItem({
        id: link,
        link,
        title: `${t("disclosure.feed.notice")}: ${item.title}`,
        date: item.updatedAt,
        published: item.publishedAt,
        content: paragraphs(item.text),
        author,
        category: [{ term: "OUTCOME_NOTICE", name: t("disclosure.feed.notice") }],
      });
    }
  }
  return feed.atom1();
}
