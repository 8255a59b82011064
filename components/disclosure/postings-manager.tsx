"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";

import { buttonSecondary } from "@/components/ui/styles";

import { PostingForm, type RecordedPosting } from "./posting-form";

type Props = {
  communeId: string;
  communeSlug: string;
  consultationId: string;
  maxUploadMb: number;
  locationSuggestions: string[];
  postings: RecordedPosting[];
};

const shortDate = (d: string) => d.split("-").reverse().map((p, i) => (i < 2 ? String(Number(p)) : p)).join("/");

/** The staff side of the register: record a posting, or correct one already recorded. */
export function PostingsManager({ postings, ...formProps }: Props) {
  const t = useTranslations("postings");
  const tChannel = useTranslations("disclosure.channels");
  const [editing, setEditing] = useState<RecordedPosting | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  function edit(p: RecordedPosting) {
    setStatus(null);
    setEditing(p);
    requestAnimationFrame(() => heading.current?.focus());
  }

  return (
    <div className="space-y-6">
      <section aria-labelledby="record-title" className="space-y-3 rounded-xl border border-stone-200 bg-white p-4">
        <h2 id="record-title" ref={heading} tabIndex={-1} className="text-xl font-bold">
          {editing ? t("editTitle") : t("recordTitle")}
        </h2>
        {/* Present before anything is said, so that screen readers announce what is put in it. */}
        <p role="status" className={status ? "rounded-lg bg-green-50 p-3 font-medium text-green-900" : "sr-only"}>
          {status}
        </p>
        <PostingForm
          key={editing?.id ?? "new"}
          {...formProps}
          editing={editing}
          onSaved={(message) => {
            setStatus(message);
            setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      </section>

      <section aria-labelledby="recorded-title" className="space-y-2">
        <h2 id="recorded-title" className="text-xl font-bold">
          {t("recordedTitle")}
        </h2>
        {postings.length === 0 ? <p>{t("none")}</p> : null}
        <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
          {postings.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 p-3" data-testid="recorded-posting">
              <div>
                <p className="font-medium">{tChannel(p.channel)}</p>
                <p>{p.location}</p>
                <p className="text-sm text-stone-700">
                  {p.channel === "LOUDSPEAKER" ? p.broadcastDates.map(shortDate).join(", ") : `${shortDate(p.startsAt)}${p.endsAt && p.endsAt !== p.startsAt ? ` – ${shortDate(p.endsAt)}` : ""}`}
                </p>
              </div>
              <button type="button" className={buttonSecondary} onClick={() => edit(p)} aria-label={t("editLabel", { channel: tChannel(p.channel), location: p.location })}>
                {t("edit")}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
