"use client";

import { useTranslations } from "next-intl";

import { disputeVoteAction } from "@/lib/contested-votes/actions";

import { ReasonForm } from "./reason-form";

/** A household member disputes a vote recorded in the household's name. */
export function DisputeForm({ communeId, voteId }: { communeId: string; voteId: string }) {
  const t = useTranslations("contestedVotes");
  return (
    <ReasonForm
      fieldLabel={t("statement")}
      field="statement"
      buttons={[{ value: "dispute", label: t("dispute"), primary: true }]}
      run={(statement) => disputeVoteAction({ communeId, voteId, statement })}
      done={t("disputed")}
    />
  );
}
