// Who may see what of a case, in one place.
//
// - Complaints (khiếu nại) and denunciations (tố cáo) are NEVER public: not on the map, the list, the
//   API, a feed or an export, whatever the sender asked (Law 10/2022/QH15 on Grassroots Democracy
//   Art. 9.2: what the law keeps secret is not disclosed; Law on Denunciations 2018 Art. 9.1.b).
// - A denouncer's name, phone and address are kept secret from everyone but the official handling the
//   denunciation (Law on Denunciations 2018 Art. 9.1.b, and its Chapter VI on protecting denouncers):
//   other staff see "(kept secret)".
//   Before a handler is named, only the official who entered it (and the sender, of their own) sees it.
import type { CaseKind } from "@/lib/generated/prisma/enums";

export const PRIVATE_KINDS: readonly CaseKind[] = ["COMPLAINT", "DENUNCIATION"];
/** Kinds that may ever be public. */
export const PUBLIC_KINDS: readonly CaseKind[] = ["PETITION", "FEEDBACK"];

export const isAlwaysPrivate = (kind: CaseKind) => PRIVATE_KINDS.includes(kind);

/** What a case's isPublic is, given what the sender asked: complaints and denunciations never are. */
export const publicFor = (kind: CaseKind, requested: boolean) => requested && !isAlwaysPrivate(kind);

/**
 * The filter every public list, map, feed and API uses: public AND of a public kind (belt and braces,
 * should a reclassification ever leave isPublic set) AND not merged into another case (a merged case's own
 * page still opens, pointing to the case kept: `includeMerged`).
 */
export function publicCaseWhere(communeId: string, options: { includeMerged?: boolean } = {}) {
  return { communeId, isPublic: true, kind: { in: [...PUBLIC_KINDS] }, ...(options.includeMerged ? {} : { mergedIntoId: null }) };
}

type SenderCase = { kind: CaseKind; handlerId: string | null; enteredById: string | null; filedById: string | null };

/** Whether `viewerId`, a staff member (or the sender), may see who sent the case. */
export function senderVisibleTo(c: SenderCase, viewerId: string): boolean {
  if (c.filedById === viewerId) return true;
  if (c.kind !== "DENUNCIATION") return true;
  if (c.handlerId) return c.handlerId === viewerId;
  return c.enteredById === viewerId;
}

type Sender = { senderName: string | null; senderPhone: string | null; senderAddress: string | null; filedById: string | null };

/** The case with its sender blanked when `viewerId` may not see them (`senderHidden` tells the page to say so). */
export function withSenderFor<T extends SenderCase & Sender>(c: T, viewerId: string): T & { senderHidden: boolean } {
  if (senderVisibleTo(c, viewerId)) return { ...c, senderHidden: false };
  return { ...c, senderName: null, senderPhone: null, senderAddress: null, filedById: null, senderHidden: true };
}
