// The result of theme clustering is plain data that the report stores with its version; staff rename
// and merge themes by editing that data (edit-themes.ts), never by clustering again.
import { z } from "zod";

export const OTHER_THEME_ID = "other";

const weightedText = z.object({ text: z.string(), weight: z.number() });

export const themeSchema = z.object({
  /** "t1", "t2"… by size when clustered; "other" for opinions too short or too rare to cluster. */
  id: z.string().min(1).max(40),
  kind: z.enum(["theme", "other"]),
  /** What the report shows: the proposed label until staff rename it. */
  label: z.string().min(1).max(200),
  /** What the clustering proposed, kept so that a rename can be undone. */
  autoLabel: z.string().max(200),
  isRenamed: z.boolean(),
  /** Readable phrases, most distinctive first: the label is made of the first three. */
  phrases: z.array(weightedText),
  /** The most distinctive terms (syllables and pairs of syllables) with their weight in the theme. */
  topTerms: z.array(weightedText),
  opinionIds: z.array(z.string()),
  /** The themes merged into this one, if any. */
  mergedFrom: z.array(z.string()).optional(),
});

export const themeSetSchema = z.object({
  version: z.literal(1),
  /** How the set was made, for the report's method note. */
  method: z.object({
    opinions: z.number().int(),
    clustered: z.number().int(),
    k: z.number().int(),
    silhouette: z.number(),
    seed: z.number().int(),
  }),
  themes: z.array(themeSchema),
});

export type Theme = z.infer<typeof themeSchema>;
export type ThemeSet = z.infer<typeof themeSetSchema>;
export type WeightedTerm = z.infer<typeof weightedText>;

export const themeLabelSchema = z.string().trim().min(1, "themeLabelRequired").max(200, "themeLabelTooLong");
