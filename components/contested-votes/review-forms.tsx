"use client";

import { useTranslations } from "next-intl";

import { decideVoidAction, proposeVoidAction } from "@/lib/contested-votes/actions";
import { decideMeetingCountAction } from "@/lib/meeting-count/actions";

import { ReasonForm } from "./reason-form";

/** Staff propose voiding a disputed vote, with their reason; the Front decides. */
export function ProposeVoidForm({ communeId, disputeId }: { communeId: string; disputeId: string }) {
  const t = useTranslations("contestedVotes");
  return (
    <ReasonForm
      fieldLabel={t("proposalReason")}
      field="reason"
      buttons={[{ value: "propose", label: t("propose"), primary: true }]}
      run={(reason) => proposeVoidAction({ communeId, disputeId, reason })}
      done={t("proposed")}
    />
  );
}

/** The Front confirms or rejects staff's proposal to void a vote. */
export function DecideVoidForm({ communeId, disputeId }: { communeId: string; disputeId: string }) {
  const t = useTranslations("contestedVotes");
  return (
    <ReasonForm
      fieldLabel={t("decisionNote")}
      field="note"
      buttons={[
        { value: "CONFIRM", label: t("confirmVoid"), primary: true },
        { value: "REJECT", label: t("rejectVoid") },
      ]}
      run={(note, decision) => decideVoidAction({ communeId, disputeId, decision: decision as "CONFIRM" | "REJECT", note })}
      done={t("decided")}
    />
  );
}

/** The Front confirms or rejects counting a village by its meeting instead of its individual votes. */
export function DecideMeetingCountForm({ communeId, proposalId }: { communeId: string; proposalId: string }) {
  const t = useTranslations("contestedVotes");
  return (
    <ReasonForm
      fieldLabel={t("decisionNote")}
      field="note"
      buttons={[
        { value: "CONFIRM", label: t("confirmMeetingCount"), primary: true },
        { value: "REJECT", label: t("rejectMeetingCount") },
      ]}
      run={(note, decision) => decideMeetingCountAction({ communeId, proposalId, decision: decision as "CONFIRM" | "REJECT", note })}
      done={t("decided")}
    />
  );
}
