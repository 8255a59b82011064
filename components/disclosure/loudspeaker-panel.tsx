import { getTranslations } from "next-intl/server";

import { WORDS_PER_MINUTE } from "@/lib/disclosure/loudspeaker-text";

import { LoudspeakerActions } from "./loudspeaker-actions";

type Props = { paragraphs: string[]; words: number; seconds: number; isShortened: boolean; headingLevel?: 2 | 3 };

/**
 * The text the loudspeaker reads, with its length and reading time; copy and print for the reader.
 * It is Vietnamese on every page: that is what is broadcast.
 */
export async function LoudspeakerPanel({ paragraphs, words, seconds, isShortened, headingLevel = 2 }: Props) {
  const t = await getTranslations("disclosure");
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-labelledby="loudspeaker-title" className="space-y-3 rounded-xl border border-brand-100 bg-brand-50 p-4" id="loudspeaker-text">
      {/* Printing this panel prints the text alone, large enough to read out. */}
      <style>{`@media print { body * { visibility: hidden; } #loudspeaker-text, #loudspeaker-text * { visibility: visible; } #loudspeaker-text { position: absolute; inset: 0 auto auto 0; border: 0; font-size: 16pt; } #loudspeaker-text [data-print-hide] { display: none; } }`}</style>
      <Heading id="loudspeaker-title" className="text-xl font-bold">
        {t("loudspeakerTitle")}
      </Heading>
      <p className="text-sm text-stone-700" data-print-hide>
        {t("loudspeakerIntro")}
      </p>
      <p className="text-sm font-medium" data-testid="loudspeaker-figures" data-print-hide>
        {t("loudspeakerFigures", { words, minutes: Math.floor(seconds / 60), seconds: seconds % 60, wpm: WORDS_PER_MINUTE })}
      </p>
      {isShortened ? (
        <p className="text-sm" data-print-hide>
          {t("loudspeakerShortened")}
        </p>
      ) : null}
      <div lang="vi" className="space-y-3 rounded-lg bg-white p-4 text-lg leading-relaxed" data-testid="loudspeaker-text">
        {paragraphs.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
      <div data-print-hide>
        <LoudspeakerActions text={paragraphs.join("\n\n")} labels={{ copy: t("copy"), copied: t("copied"), copyFailed: t("copyFailed"), print: t("print") }} />
      </div>
    </section>
  );
}
