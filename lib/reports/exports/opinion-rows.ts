// The rows every opinion export is made from: plain data the report work reads from the database.
// Only what may be published is here — the display name, never the account, phone or resident — and
// the exporters copy the listed columns only, so an extra field on a row cannot leak into a file.
import { createTranslator } from "next-intl";

import type { AnswerKind, Channel, Stance } from "@/lib/generated/prisma/enums";
import { loadMessages } from "@/lib/i18n/load-messages";
import type { Locale } from "@/lib/i18n/routing";

export type OpinionExportRow = {
  /** Sequential per consultation ("#12"). */
  number: number;
  createdAt: Date;
  villageName: string | null;
  displayName: string;
  channel: Channel;
  stance: Stance | null;
  /** For a reply, the number of the opinion it answers. */
  replyTo: number | null;
  sectionHeading: string | null;
  themeLabel: string | null;
  body: string;
  agreeCount: number;
  disagreeCount: number;
  lat: number | null;
  lng: number | null;
  answerKind: AnswerKind | null;
  answerBody: string | null;
  answeredAt: Date | null;
};

export const COLUMNS = [
  "number",
  "createdAt",
  "village",
  "displayName",
  "channel",
  "stance",
  "replyTo",
  "section",
  "theme",
  "body",
  "agree",
  "disagree",
  "lat",
  "lng",
  "answerKind",
  "answerBody",
  "answeredAt",
] as const;

export type Column = (typeof COLUMNS)[number];
export type Cell = string | number | Date | null;

/** Headings and enum labels in the export's language. */
export function exportTexts(locale: Locale) {
  const messages = loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "reportExports" });
  const enums = createTranslator({ locale, messages, namespace: "enums" });
  return {
    sheetName: t("sheetName"),
    heading: (column: Column) => t(`columns.${column}`),
    channel: (channel: Channel) => enums(`Channel.${channel}`),
    stance: (stance: Stance) => enums(`Stance.${stance}`),
    answerKind: (kind: AnswerKind | null) => (kind ? t(`answerKind.${kind}`) : t("notAnswered")),
  };
}

/** One row as cells in COLUMNS order, enums in words. */
export function cellsOf(row: OpinionExportRow, texts: ReturnType<typeof exportTexts>): Cell[] {
  const values: Record<Column, Cell> = {
    number: row.number,
    createdAt: row.createdAt,
    village: row.villageName,
    displayName: row.displayName,
    channel: texts.channel(row.channel),
    stance: row.stance ? texts.stance(row.stance) : null,
    replyTo: row.replyTo,
    section: row.sectionHeading,
    theme: row.themeLabel,
    body: row.body,
    agree: row.agreeCount,
    disagree: row.disagreeCount,
    lat: row.lat,
    lng: row.lng,
    answerKind: texts.answerKind(row.answerKind),
    answerBody: row.answerBody,
    answeredAt: row.answeredAt,
  };
  return COLUMNS.map((c) => values[c]);
}

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The same wall-clock time in Vietnam, as a Date whose UTC fields read it (for spreadsheets). */
export const toVnWallClock = (date: Date) => new Date(date.getTime() + VN_OFFSET_MS);

/** "2026-02-05 09:30", Vietnam time: a form every spreadsheet reads as a date. */
export const formatVnDateTime = (date: Date) => toVnWallClock(date).toISOString().slice(0, 16).replace("T", " ");
