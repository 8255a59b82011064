import { getTranslations } from "next-intl/server";

import { usableSpeechEngine } from "@/lib/read-aloud/engine";
import type { ReadAloudKind } from "@/lib/read-aloud/texts";

type Props = { communeSlug: string; kind: ReadAloudKind; id: string; text: string };

const LABELS = { consultation: "listenConsultation", loudspeaker: "listenLoudspeaker", dialogue: "listenDialogue" } as const;
/** espeak-ng at 150 words a minute (lib/read-aloud/engine.ts). */
const WORDS_PER_MINUTE = 150;

/**
 * A player for a text read aloud, and the file for the commune radio: the browser's own audio control
 * (no script), loading nothing until the listener presses play. Absent where no speech engine runs.
 */
export async function Listen({ communeSlug, kind, id, text }: Props) {
  if (!(await usableSpeechEngine())) return null;
  const t = await getTranslations("readAloud");
  const src = `/api/communes/${communeSlug}/read-aloud/${kind}/${id}`;
  const minutes = Math.max(1, Math.round(text.split(/\s+/).filter(Boolean).length / WORDS_PER_MINUTE));
  const labelId = `listen-${kind}-${id}`;
  return (
    <section aria-labelledby={labelId} className="space-y-2 rounded-xl border border-stone-200 bg-white p-4" data-testid={`listen-${kind}`}>
      <h2 id={labelId} className="text-lg font-semibold">
        {t(LABELS[kind])}
      </h2>
      <audio controls preload="none" src={src} className="w-full" aria-labelledby={labelId} lang="vi">
        <a href={`${src}?download=1`}>{t("download")}</a>
      </audio>
      <p className="text-sm text-stone-700">{t("note", { minutes })}</p>
      <p>
        <a href={`${src}?download=1`} download className="inline-flex min-h-11 items-center underline">
          {t("download")}
        </a>
      </p>
    </section>
  );
}
