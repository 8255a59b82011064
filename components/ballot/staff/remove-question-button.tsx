"use client";

import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { buttonSecondary } from "@/components/ui/styles";
import { removeQuestionAction } from "@/lib/participation/vote-actions";

export function RemoveQuestionButton({ communeId, questionId }: { communeId: string; questionId: string }) {
  const t = useTranslations("ballotStaff.ballot");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const { executeAsync, isPending } = useAction(removeQuestionAction);
  return (
    <div>
      <button
        type="button"
        className={buttonSecondary}
        disabled={isPending}
        onClick={async () => {
          if (!window.confirm(t("removeConfirm"))) return;
          const result = await executeAsync({ communeId, questionId });
          if (result?.serverError) setProblem(tErrors(result.serverError.code, result.serverError.params));
          else router.refresh();
        }}
      >
        {t("remove")}
      </button>
      {problem ? (
        <p role="alert" className="mt-1 font-medium text-flag-700">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
