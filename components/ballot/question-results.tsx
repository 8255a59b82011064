import { getFormatter, getTranslations } from "next-intl/server";

import type { LegalCategory } from "@/lib/generated/prisma/enums";
import type { CountedQuestion } from "@/lib/participation/get-results";
import { isSuppressed } from "@/lib/participation/secret-results";
import { SECRET_MIN_SHOWN } from "@/lib/participation/secret-vote-rules";
import type { VillageResult } from "@/lib/participation/tally";

import { optionLabel } from "./option-label";

const cell = "border-b border-stone-200 p-2 text-right tabular-nums";
const head = "border-b-2 border-stone-300 p-2 text-left align-bottom";

/** A wide table scrolls on its own on a phone, and can be reached with the keyboard to do so. */
function Scroll({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto rounded-lg border border-stone-200 bg-white focus:outline-2 focus:outline-brand-700">
      {children}
    </div>
  );
}

/**
 * One question's results: the outcome with its numerator, denominator and rule; the table of Decree
 * 321/2025 per village, saying where each village's figures come from; and the counts per channel.
 * While voting is open (`final` false) the figures are running figures: no verdict is shown anywhere,
 * whatever the counts say (issue 14 §7).
 */
export async function QuestionResults({ result, category, final = true }: { result: CountedQuestion; category: LegalCategory; final?: boolean }) {
  const t = await getTranslations("ballot");
  const tr = await getTranslations("ballot.results");
  const tEnum = await getTranslations("enums");
  const tc = await getTranslations("ballot.counting");
  const format = await getFormatter();
  const q = result.question;
  // A secret question's figures of a village or channel with 1 or 2 votes read "fewer than 3" (secret-results.ts).
  const fig = (n: number, votes: number) => (isSuppressed(q.secret, votes) ? t("secretBallot.fewerThan", { min: SECRET_MIN_SHOWN }) : format.number(n));
  const hidden = isSuppressed(q.secret, result.participants);
  const unit = q.votingUnit;
  const yesNo = q.kind === "YES_NO_ABSTAIN";
  const o = result.outcome;
  const percent = o.percent === null ? "—" : format.number(o.percent / 100, { style: "percent", maximumFractionDigits: 1 });
  const ruleText = tEnum(`ThresholdRule.${q.thresholdRule}`, { percent: format.number(q.thresholdPercent), unit });
  const options = [...q.options].sort((a, b) => a.position - b.position);

  const commune = result.commune;
  // Votes on channels that may not decide the matter are said apart, with the law's reason.
  const notDeciding = (v: VillageResult) =>
    v.notDeciding.length ? tc("notDeciding", { channels: v.notDeciding.map((c) => tc("channelList", { channel: c, count: v.setAside[c] })).join(", ") }) : null;
  const setAside = (v: VillageResult) => {
    const parts = [
      v.setAside.WEB && !v.notDeciding.includes("WEB") ? tr("setAsideWeb", { count: v.setAside.WEB }) : null,
      v.setAside.PAPER ? tr("setAsidePaper", { count: v.setAside.PAPER }) : null,
      v.setAside.ASSISTED && !v.notDeciding.includes("ASSISTED") ? tr("setAsideAssisted", { count: v.setAside.ASSISTED }) : null,
      v.setAside.meetings ? tr("setAsideMeetings", { count: v.setAside.meetings }) : null,
    ].filter((p): p is string => p !== null);
    return parts.length ? tr("setAside", { list: parts.join(", ") }) : null;
  };
  const source = (v: VillageResult) =>
    v.source === "MEETING" && v.meeting
      ? tr("sourceMeeting", { date: format.dateTime(v.meeting.heldAt, { day: "2-digit", month: "2-digit", year: "numeric" }), form: tEnum(`MeetingForm.${v.meeting.form}`) })
      : v.source === "INDIVIDUAL"
        ? tr("sourceIndividual")
        : tr("sourceNone");

  return (
    <section aria-labelledby={`q-${q.id}`} className="space-y-4" data-testid="question-results">
      <h2 id={`q-${q.id}`} className="text-xl font-bold">
        {t("questionNumber", { number: (q.position ?? 0) + 1 })}. {q.text}
      </h2>

      {commune ? (
        <div className="space-y-2 rounded-xl border-2 border-stone-300 bg-white p-4" data-testid="outcome">
          <p className="text-lg">
            <span className="font-semibold">{tr("outcome")}: </span>
            {!final || commune.passed === null ? tc("runningFigures") : commune.passed ? <strong className="text-green-800">{tr("passed")}</strong> : <strong className="text-flag-700">{tr("notPassed")}</strong>}
          </p>
          {final && commune.passed !== null ? (
            <p className="text-2xl font-bold tabular-nums" data-testid="villages-passed">
              {tc("villagesPassed", { passed: commune.villagesPassed, villages: commune.villages })}
            </p>
          ) : null}
          <p data-testid="commune-rule">{tc("communeRule", { rule: commune.rule })}</p>
        </div>
      ) : (
      <div className="space-y-2 rounded-xl border-2 border-stone-300 bg-white p-4" data-testid="outcome">
        <p className="text-lg">
          <span className="font-semibold">{tr("outcome")}: </span>
          {!final ? tc("runningFigures") : o.passed === null ? tr("reportOnly") : o.passed ? <strong className="text-green-800">{tr("passed")}</strong> : <strong className="text-flag-700">{tr("notPassed")}</strong>}
        </p>
        <p className="text-2xl font-bold tabular-nums" data-testid="fraction">
          {tr("fraction", { numerator: fig(o.numerator, result.participants), denominator: format.number(o.denominator), unit, percent: hidden ? "—" : percent })}
        </p>
        <dl className="grid gap-1 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-4">
          <dt className="font-semibold">{tr("numerator", { unit })}</dt>
          <dd className="tabular-nums">{fig(o.numerator, result.participants)}</dd>
          <dt className="font-semibold">{tr("denominator", { rule: o.rule, unit })}</dt>
          <dd className="tabular-nums">{format.number(o.denominator)}</dd>
          <dt className="font-semibold">{tr("ruleLabel")}</dt>
          <dd>{ruleText}</dd>
          {o.rule !== "NONE" ? (
            <>
              <dt className="font-semibold">{tr("legalSourceLabel")}</dt>
              <dd>{tr("legalSource", { category })}</dd>
            </>
          ) : null}
        </dl>
      </div>
      )}

      {q.secret ? <p className="text-sm text-stone-700">{t("secretBallot.suppressedNote", { min: SECRET_MIN_SHOWN })}</p> : null}

      <Scroll label={tr("tableCaption")}>
        <table className="w-full min-w-[40rem] border-collapse text-sm">
          <caption className="p-2 text-left font-semibold">{tr("tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col" className={head}>{tr("village")}</th>
              <th scope="col" className={head}>{tr("source")}</th>
              <th scope="col" className={`${head} text-right`}>{tr("inScope", { unit })}</th>
              <th scope="col" className={`${head} text-right`}>{tr("takingPart")}</th>
              {yesNo ? (
                <>
                  <th scope="col" className={`${head} text-right`}>{tr("agree")}</th>
                  <th scope="col" className={`${head} text-right`}>{tr("disagree")}</th>
                  <th scope="col" className={`${head} text-right`}>{tr("other")}</th>
                </>
              ) : (
                options.map((opt) => (
                  <th key={opt.id} scope="col" className={`${head} text-right`}>{optionLabel(t, q.kind, opt)}</th>
                ))
              )}
              {commune ? (
                <>
                  <th scope="col" className={head}>{tc("rule")}</th>
                  <th scope="col" className={head}>{tc("verdict")}</th>
                </>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {result.villages.map((v) => (
              <tr key={v.villageId} data-testid="village-row">
                <th scope="row" className="border-b border-stone-200 p-2 text-left font-medium">{v.name}</th>
                <td className="border-b border-stone-200 p-2">
                  {source(v)}
                  {v.quorumMissing ? <span className="block text-flag-700">{tr("quorumMissing")}</span> : null}
                  {setAside(v) ? <span className="block text-stone-700">{setAside(v)}</span> : null}
                  {result.secrecy?.voided[v.villageId] ? <span className="block text-stone-700">{t("secretBallot.voided", { count: result.secrecy.voided[v.villageId]! })}</span> : null}
                  {result.secrecy?.notCertifiable.includes(v.villageId) ? (
                    <strong className="block text-flag-700" data-testid="not-certifiable">
                      {t("secretBallot.notCertifiable")}
                    </strong>
                  ) : null}
                  {notDeciding(v) ? <span className="block text-stone-700" data-testid="not-deciding">{notDeciding(v)}</span> : null}
                </td>
                <td className={cell}>{format.number(v.eligible)}</td>
                <td className={cell}>{fig(v.participants, v.participants)}</td>
                {yesNo ? (
                  <>
                    <td className={cell}>{fig(v.agree, v.participants)}</td>
                    <td className={cell}>{fig(v.disagree ?? 0, v.participants)}</td>
                    <td className={cell}>{fig(v.other ?? 0, v.participants)}</td>
                  </>
                ) : (
                  options.map((opt) => <td key={opt.id} className={cell}>{fig(v.options[opt.id] ?? 0, v.participants)}</td>)
                )}
                {v.outcome ? (
                  <>
                    <td className="border-b border-stone-200 p-2">
                      {tc("share", { share: v.outcome.share, raised: v.outcome.raisedPercent === null ? "none" : format.number(v.outcome.raisedPercent) })}
                      <span className="block text-stone-700">{tc("article", { article: v.outcome.article })}</span>
                    </td>
                    <td className="border-b border-stone-200 p-2 font-semibold" data-testid="village-verdict">
                      {!final || v.outcome.passed === null ? tc("running") : v.outcome.passed ? <span className="text-green-800">{tc("villagePassed")}</span> : <span className="text-flag-700">{tc("villageNotPassed")}</span>}
                    </td>
                  </>
                ) : null}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="font-bold">
              <th scope="row" colSpan={2} className="p-2 text-left">{tr("total")}</th>
              <td className={cell}>{format.number(result.eligible)}</td>
              <td className={cell}>{fig(result.participants, result.participants)}</td>
              {yesNo ? (
                <>
                  <td className={cell}>{fig(result.agree, result.participants)}</td>
                  <td className={cell}>{fig(result.disagree ?? 0, result.participants)}</td>
                  <td className={cell}>{fig(result.other ?? 0, result.participants)}</td>
                </>
              ) : (
                options.map((opt) => <td key={opt.id} className={cell}>{fig(result.options[opt.id] ?? 0, result.participants)}</td>)
              )}
              {commune ? <td colSpan={2} className="p-2">{!final || commune.passed === null ? null : tc("villagesPassed", { passed: commune.villagesPassed, villages: commune.villages })}</td> : null}
            </tr>
          </tfoot>
        </table>
      </Scroll>

      <Scroll label={tr("byChannel")}>
        <table className="w-full min-w-[28rem] border-collapse text-sm">
          <caption className="p-2 text-left font-semibold">{tr("byChannel")}</caption>
          <thead>
            <tr>
              <th scope="col" className={head}>{tr("channel")}</th>
              <th scope="col" className={`${head} text-right`}>{tr("participants")}</th>
              {options.map((opt) => (
                <th key={opt.id} scope="col" className={`${head} text-right`}>{optionLabel(t, q.kind, opt)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(["WEB", "PAPER", "ASSISTED", "MEETING"] as const).map((channel) => {
              const counts = result.byChannel[channel];
              return (
                <tr key={channel}>
                  <th scope="row" className="border-b border-stone-200 p-2 text-left font-medium">{tEnum(`Channel.${channel}`)}</th>
                  <td className={cell}>{fig(counts?.voters ?? 0, counts?.voters ?? 0)}</td>
                  {options.map((opt) => <td key={opt.id} className={cell}>{fig(counts?.options[opt.id] ?? 0, counts?.voters ?? 0)}</td>)}
                </tr>
              );
            })}
          </tbody>
        </table>
      </Scroll>
    </section>
  );
}
