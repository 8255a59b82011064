// A display name is how a resident signs opinions in public (domain: "a resident may comment under a
// display name while staff and the Front see the verified identity"). It must not pass for an office:
// a comment signed "Chủ tịch xã" or "UBND" reads as the commune's own answer, and a resident would
// trust it. Officials are shown as such by a verified badge next to their opinions instead
// (lib/participation/list-opinions.ts), which nobody can type.
//
// The check compares letters only: diacritics, case, spaces, dots, dashes and invisible characters
// removed ("U.B.N.D", "chu  tich", "CHỦ TỊCH", "Chủ\u200btịch" are all caught), after Unicode
// compatibility folding (full-width letters).
import { z } from "zod";

import type { Tx } from "@/lib/db";
import { invalid } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { toSearchKey } from "@/lib/text/search-key";

/** Those whose opinions carry the verified badge and whose names may be an office. */
export const OFFICIAL_ROLES: Role[] = ["STAFF", "LEADER", "ADMIN", "FRONT_REVIEWER", "VILLAGE_HEAD"];

/**
 * The offices and bodies a name may not contain, as commune people write them. `exact` marks a term
 * that, without diacritics, is also an ordinary name ("Công Ân" is a person, "Công an" the police):
 * those are refused when written with the office's own marks, or with no marks at all.
 */
const OFFICES: { term: string; exact?: boolean }[] = [
  { term: "Chủ tịch" },
  { term: "Phó chủ tịch" },
  { term: "Bí thư" },
  { term: "UBND" },
  { term: "Ủy ban nhân dân" },
  { term: "Uỷ ban" },
  { term: "Ủy ban" },
  { term: "HĐND" },
  { term: "Hội đồng nhân dân" },
  { term: "Mặt trận" },
  { term: "MTTQ" },
  { term: "Tổ quốc" },
  { term: "Công an", exact: true },
  { term: "Trưởng thôn" },
  { term: "Trưởng xóm" },
  { term: "Trưởng ấp" },
  { term: "Trưởng bản" },
  { term: "Tổ trưởng" },
  { term: "Cán bộ" },
  { term: "Công chức" },
  { term: "Chính quyền" },
  { term: "Thanh tra nhân dân" },
  { term: "Quản trị" },
  { term: "Admin" },
];

/** Letters and digits only, lower case, diacritics removed; 0 read as o ("C0ng an"). */
const plain = (text: string) => toSearchKey(text.normalize("NFKC")).replace(/[^a-z0-9]/g, "").replace(/0/g, "o");
/** Letters and digits only, lower case, diacritics kept. */
const marked = (text: string) => text.normalize("NFKC").normalize("NFC").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
const hasMarks = (text: string) => plain(text) !== marked(text).replace(/0/g, "o");

const TERMS = OFFICES.map((o) => ({ ...o, plain: plain(o.term), marked: marked(o.term) }));

/** The office a name would pass for, or null. */
export function officeInName(name: string): string | null {
  const p = plain(name);
  const m = marked(name);
  for (const t of TERMS) {
    if (!p.includes(t.plain)) continue;
    if (!t.exact || m.includes(t.marked) || !hasMarks(name)) return t.term;
  }
  return null;
}

/** The length rules alone: the account page checks the office in correctMyDetails, where it knows who asks. */
export const displayNameText = z.string().trim().min(2, { error: "tooShort" }).max(50, { error: "tooLong" });

/** The display name field at registration: a new account is a resident's. */
export const displayNameSchema = displayNameText.refine((v) => officeInName(v) === null, { error: "displayNameIsOffice" });

/**
 * On the account page: a changed name may not pass for an office, unless the account holds an office
 * in the commune (verified staff, leaders, the Front, village heads), whose names the commune gives.
 */
export async function assertDisplayNameAllowed(tx: Tx, userId: string, communeId: string, before: string, after: string) {
  if (after === before || officeInName(after) === null) return;
  const official = await tx.membership.findFirst({
    where: { userId, communeId, status: "VERIFIED", role: { in: OFFICIAL_ROLES } },
    select: { id: true },
  });
  if (!official) throw invalid("displayNameIsOffice", {}, { displayName: "displayNameIsOffice" });
}
