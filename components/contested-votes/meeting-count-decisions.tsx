import { getFormatter, getTranslations } from "next-intl/server";

import { listMeetingCountProposals } from "@/lib/meeting-count/list-meeting-counts";

/**
 * On the results page: every village whose meeting was proposed to replace its individual votes, who
 * proposed it and what the Front decided, so the count can be checked by anyone (Law 10/2022 Art. 23.3).
 */
export async function MeetingCountDecisions({ communeId, consultationId }: { communeId: string; consultationId: string }) {
  const proposals = await listMeetingCountProposals(communeId, consultationId);
  if (proposals.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations("contestedVotes"), getFormatter()]);
  const day = (d: Date | null) => (d ? format.dateTime(d, { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Asia/Ho_Chi_Minh" }) : "—");
  return (
    <section aria-labelledby="meeting-count-decisions" className="space-y-2 rounded-xl border border-stone-300 bg-white p-4">
      <h2 id="meeting-count-decisions" className="text-lg font-semibold">
        {t("resultsTitle")}
      </h2>
      <ul className="list-disc space-y-1 pl-5">
        {proposals.map((p) => (
          <li key={p.id} data-testid="meeting-count-decision">
            {t("resultsItem", { village: p.village, date: day(p.meetingHeldAt), proposedAt: day(p.proposedAt), reason: p.reason, status: p.status, decidedAt: day(p.decidedAt) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
