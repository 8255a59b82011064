"use client";

import { useState } from "react";

import { buttonSecondary } from "@/components/ui/styles";

type Labels = { copy: string; copied: string; copyFailed: string; print: string };

/** Copy and print for the loudspeaker text; the labels come from the server, translated. */
export function LoudspeakerActions({ text, labels }: { text: string; labels: Labels }) {
  const [status, setStatus] = useState<string | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(labels.copied);
    } catch {
      setStatus(labels.copyFailed);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" className={buttonSecondary} onClick={copy}>
        {labels.copy}
      </button>
      <button type="button" className={buttonSecondary} onClick={() => window.print()}>
        {labels.print}
      </button>
      <p role="status" className="text-sm font-medium">
        {status}
      </p>
    </div>
  );
}
