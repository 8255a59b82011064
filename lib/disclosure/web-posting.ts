import type { PostingRecord } from "./compliance";

/** The web portal posting is not recorded: it is the publication's own period on this site. */
export const webPostingId = (publicationId: string) => `web:${publicationId}`;

/**
 * A consultation is on the web portal from its publication (or its posting start, when that is later)
 * to the end of its posting period, or of its comment period when it has no posting period of its own
 * (publishing sets the same default). Null before it is published.
 */
export function webPortalPosting(c: {
  id: string;
  publishedAt: Date | null;
  postingStartsAt: Date | null;
  postingEndsAt: Date | null;
  commentEndsAt: Date | null;
}): PostingRecord | null {
  if (!c.publishedAt) return null;
  const startsAt = c.postingStartsAt && c.postingStartsAt > c.publishedAt ? c.postingStartsAt : c.publishedAt;
  return { id: webPostingId(c.id), channel: "WEB_PORTAL", startsAt, endsAt: c.postingEndsAt ?? c.commentEndsAt ?? null, broadcastDates: [] };
}
