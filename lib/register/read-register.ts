// The register as staff read it: the year's lines per type, in the register's order, and the lines
// still waiting for the number the office's own register gave.
import "server-only";

import { db } from "@/lib/db";
import { vnDateParts } from "@/lib/documents/format";
import type { DocumentType } from "@/lib/generated/prisma/enums";
import { readSettings } from "@/lib/settings";

export type RegisterLine = {
  id: string;
  type: DocumentType;
  year: number;
  number: number | null;
  label: string | null;
  subject: string;
  issuedAt: Date;
  issuedBy: string;
  numberedAt: Date | null;
};

export async function readRegister(communeId: string, options: { year?: number; type?: DocumentType | null } = {}) {
  const year = options.year ?? vnDateParts(new Date()).year;
  const [commune, years, rows, awaitingRows] = await Promise.all([
    db.commune.findUniqueOrThrow({ where: { id: communeId }, select: { settings: true } }),
    db.issuedDocument.findMany({ where: { communeId }, distinct: ["year"], select: { year: true }, orderBy: { year: "desc" } }),
    db.issuedDocument.findMany({
      where: { communeId, year, number: { not: null }, ...(options.type ? { type: options.type } : {}) },
      orderBy: [{ type: "asc" }, { number: "asc" }],
      select: { id: true, type: true, year: true, number: true, label: true, subject: true, issuedAt: true, issuedById: true, numberedAt: true },
    }),
    db.issuedDocument.findMany({
      where: { communeId, number: null },
      orderBy: { issuedAt: "asc" },
      select: { id: true, type: true, year: true, number: true, label: true, subject: true, issuedAt: true, issuedById: true, numberedAt: true },
    }),
  ]);
  const userIds = [...new Set([...rows, ...awaitingRows].map((r) => r.issuedById))];
  const users = new Map((await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name ?? ""]));
  const line = ({ issuedById, ...r }: (typeof rows)[number]): RegisterLine => ({ ...r, issuedBy: users.get(issuedById) ?? "" });
  const knownYears = [...new Set([year, ...years.map((y) => y.year)])].sort((a, b) => b - a);
  return { mode: readSettings(commune.settings).documentNumbering, year, years: knownYears, lines: rows.map(line), awaiting: awaitingRows.map(line) };
}
