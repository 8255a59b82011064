// The 72-hour clock of a personal data breach. The controller reports a breach to the personal data
// protection authority (the Ministry of Public Security's specialised unit, A05) within 72 hours of
// finding it (Law 91/2025/QH15 on personal data protection; Decree 356/2025 guiding it). The clock runs
// from the moment staff found it (`discoveredAt`) until they record that the authority was told.
// This is the one place the figure lives; a commune may only ever be stricter.

export const BREACH_NOTICE_HOURS = 72;
const HOUR_MS = 3600_000;

export type BreachClock =
  | { state: "RUNNING"; deadline: Date; hoursLeft: number }
  | { state: "OVERDUE"; deadline: Date; hoursLate: number }
  | { state: "NOTIFIED" | "NOTIFIED_LATE"; deadline: Date };

/** Exactly 72 hours after discovery is still in time; a millisecond later is late. */
export function breachClock(breach: { discoveredAt: Date; authorityNotifiedAt: Date | null }, now = new Date()): BreachClock {
  const deadline = new Date(breach.discoveredAt.getTime() + BREACH_NOTICE_HOURS * HOUR_MS);
  if (breach.authorityNotifiedAt) return { state: breach.authorityNotifiedAt <= deadline ? "NOTIFIED" : "NOTIFIED_LATE", deadline };
  const left = deadline.getTime() - now.getTime();
  if (left >= 0) return { state: "RUNNING", deadline, hoursLeft: Math.floor(left / HOUR_MS) };
  return { state: "OVERDUE", deadline, hoursLate: Math.ceil(-left / HOUR_MS) };
}
