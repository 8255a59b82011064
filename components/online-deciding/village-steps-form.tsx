"use client";

import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { buttonPrimary, input, label } from "@/components/ui/styles";
import { recordAgreementAction, recordMinutesSentAction, recordNoticeAction, recordTeamAction } from "@/lib/online-deciding/actions";

type Member = { fullName: string; role: string; isLeader: boolean; isFrontRepresentative: boolean };
type Props = {
  communeId: string;
  consultationId: string;
  villageId: string;
  today: string;
  initial: { agreedOn: string; villageHeadName: string; frontCommitteeName: string; notifiedOn: string; sentOn: string; team: Member[] };
  closed: boolean;
};

const blank = (i: number): Member => ({ fullName: "", role: "", isLeader: i === 0, isFrontRepresentative: i === 0 });

/**
 * A village's steps of online deciding (Decree 59/2023 Art. 5), recorded by staff or the village head:
 * the agreement, the notice, the team of 3–5 and, after the vote, the day the minutes were sent. What
 * was typed stays in the form when the server refuses it.
 */
export function VillageStepsForm({ communeId, consultationId, villageId, today, initial, closed }: Props) {
  const t = useTranslations("onlineDeciding.staff");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const [v, setV] = useState(initial);
  const [team, setTeam] = useState<Member[]>(initial.team.length > 0 ? initial.team : [0, 1, 2].map(blank));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const agreement = useAction(recordAgreementAction);
  const notice = useAction(recordNoticeAction);
  const teamAction = useAction(recordTeamAction);
  const sent = useAction(recordMinutesSentAction);
  const ref = { communeId, consultationId, villageId };

  async function run(p: Promise<{ data?: unknown; serverError?: unknown; validationErrors?: unknown } | undefined>) {
    const r = await p;
    if (r?.data) {
      setMessage({ ok: true, text: t("saved") });
      router.refresh();
      return;
    }
    const e = r?.serverError as { code?: string; params?: Record<string, string | number> } | undefined;
    setMessage({ ok: false, text: tErrors(e?.code ?? "invalidInput", e?.params ?? {}) });
  }

  const field = (name: keyof typeof v, type: "date" | "text") => (
    <div>
      <label className={label} htmlFor={`${villageId}-${name}`}>
        {t(name)}
      </label>
      <input id={`${villageId}-${name}`} className={input} type={type} max={type === "date" ? today : undefined} value={v[name] as string} onChange={(e) => setV({ ...v, [name]: e.target.value })} />
    </div>
  );

  return (
    <div className="space-y-4">
      {/* The conditions are settled before the result (Decree 59/2023 Art. 5): no changes after the vote closed. */}
      {!closed ? (
        <>
          <form className="space-y-2" onSubmit={(e) => (e.preventDefault(), void run(agreement.executeAsync({ ...ref, agreedOn: v.agreedOn, villageHeadName: v.villageHeadName, frontCommitteeName: v.frontCommitteeName })))}>
            <h4 className="font-semibold">{t("agreementTitle")}</h4>
            {field("agreedOn", "date")}
            {field("villageHeadName", "text")}
            {field("frontCommitteeName", "text")}
            <button type="submit" className={buttonPrimary} disabled={agreement.isPending}>
              {t("save")}
            </button>
          </form>
          <form className="space-y-2" onSubmit={(e) => (e.preventDefault(), void run(notice.executeAsync({ ...ref, notifiedOn: v.notifiedOn })))}>
            <h4 className="font-semibold">{t("noticeTitle")}</h4>
            {field("notifiedOn", "date")}
            <button type="submit" className={buttonPrimary} disabled={notice.isPending}>
              {t("save")}
            </button>
          </form>
          <form className="space-y-2" onSubmit={(e) => (e.preventDefault(), void run(teamAction.executeAsync({ ...ref, members: team })))}>
            <fieldset className="space-y-2">
              <legend className="font-semibold">{t("teamTitle")}</legend>
              {team.map((m, i) => (
                <div key={i} className="grid gap-2 sm:grid-cols-3">
                  <input aria-label={t("memberName", { n: i + 1 })} className={input} value={m.fullName} onChange={(e) => setTeam(team.map((x, j) => (j === i ? { ...x, fullName: e.target.value } : x)))} />
                  <input aria-label={t("memberRole", { n: i + 1 })} className={input} value={m.role} onChange={(e) => setTeam(team.map((x, j) => (j === i ? { ...x, role: e.target.value } : x)))} />
                  <label className="inline-flex min-h-11 items-center gap-2">
                    <input type="radio" name={`${villageId}-leader`} checked={m.isLeader} onChange={() => setTeam(team.map((x, j) => ({ ...x, isLeader: j === i, isFrontRepresentative: j === i })))} />
                    {t("leader")}
                  </label>
                </div>
              ))}
            </fieldset>
            <div className="flex flex-wrap gap-3">
              {team.length < 5 ? (
                <button type="button" className="min-h-11 underline" onClick={() => setTeam([...team, blank(team.length)])}>
                  {t("addMember")}
                </button>
              ) : null}
              {team.length > 3 ? (
                <button type="button" className="min-h-11 underline" onClick={() => setTeam(team.slice(0, -1))}>
                  {t("removeMember")}
                </button>
              ) : null}
              <button type="submit" className={buttonPrimary} disabled={teamAction.isPending}>
                {t("save")}
              </button>
            </div>
          </form>
        </>
      ) : null}
      {closed ? (
        <form className="space-y-2" onSubmit={(e) => (e.preventDefault(), void run(sent.executeAsync({ ...ref, sentOn: v.sentOn })))}>
          <h4 className="font-semibold">{t("sentTitle")}</h4>
          {field("sentOn", "date")}
          <button type="submit" className={buttonPrimary} disabled={sent.isPending}>
            {t("save")}
          </button>
        </form>
      ) : null}
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm" : "text-sm font-medium text-flag-700"}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
