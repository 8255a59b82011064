// Staff take a report back from the Front's review (issue 10 §2): while the report is with the Front
// the consultation's inputs are frozen (freeze.ts), and this is the one way, besides the Front
// returning it, to change them again. It needs a reason, voids a sign-off the Front already gave (the
// Front signs off what it reviewed, not what comes after), is audited, and the Front is told in its
// inbox (Art. 23.3: the Front supervises the count; it must not learn of a change from the result).
import { z } from "zod";

import type { CommuneAccess } from "@/lib/auth/authorize";
import { FRONT_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { conflict, forbidden } from "@/lib/errors";

import { audit as auditReport, DRAFTING_ROLES, loadReport, reportStepSchema, transition } from "./report-workflow";

export const withdrawReportSchema = reportStepSchema.extend({
  reason: z.string().trim().min(10, { error: "withdrawReasonRequired" }).max(2000, { error: "tooLong" }),
});

/** Who may take a report back from review: those who draft and submit it. */
export const WITHDRAWING_ROLES = DRAFTING_ROLES;

export async function withdrawFromReview(access: CommuneAccess, values: z.output<typeof withdrawReportSchema>) {
  if (!access.roles.some((r) => WITHDRAWING_ROLES.includes(r))) throw forbidden();
  const report = await loadReport(access, values.reportId);
  if (report.status !== "FRONT_REVIEW" && report.status !== "FRONT_SIGNED_OFF") throw conflict("reportNotWithFront", { status: report.status });
  const front = await db.membership.findMany({
    where: { communeId: access.communeId, role: { in: FRONT_ROLES }, status: "VERIFIED" },
    select: { userId: true },
    distinct: ["userId"],
  });
  // Loaded here, not at the top, for the same reason as in returnReport (report-workflow.ts).
  const { notify } = await import("@/lib/notifications/notify");
  return db.$transaction(async (tx) => {
    // Guarded by the state it starts from: a sign-off or an approval that came first wins.
    await transition(tx, report.id, report.status, { status: "DRAFT", frontSignedOffBy: null, frontSignedOffAt: null }, "reportNotWithFront");
    for (const f of front) {
      await notify(tx, {
        communeId: access.communeId,
        userId: f.userId,
        kind: "reportWithdrawn",
        params: { consultation: report.consultation.title, reason: values.reason },
        link: `/${report.consultation.commune.slug}/front`,
      });
    }
    await auditReport(tx, access, "report.withdraw", report.id, { consultationId: report.consultationId, version: report.currentVersion, from: report.status }, { reason: values.reason });
    return { status: "DRAFT" as const };
  });
}
