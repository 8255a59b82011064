// Times the report's two heavy computations on the sizes of the product's target (product.md): themes
// for 50,000 opinions of about thirty words, opinion groups for 2,000 participants × 500 opinions.
//   npm run bench:themes [-- --opinions 50000 --participants 2000 --statements 500 --runs 3]
import { parseArgs } from "node:util";

import { computeOpinionGroups } from "@/lib/reports/opinion-groups/compute-opinion-groups";
import { clusterThemes } from "@/lib/reports/themes/cluster-themes";

import { syntheticOpinions, syntheticReactions } from "./bench/synthetic-input";

const { values } = parseArgs({
  options: {
    opinions: { type: "string", default: "50000" },
    participants: { type: "string", default: "2000" },
    statements: { type: "string", default: "500" },
    runs: { type: "string", default: "3" },
  },
});
const runs = Number(values.runs);

function time<T>(label: string, work: () => T): T {
  let result: T | undefined;
  const timings: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    result = work();
    timings.push(performance.now() - start);
  }
  const sorted = [...timings].sort((a, b) => a - b);
  console.log(`${label}: median ${sorted[Math.floor(runs / 2)]!.toFixed(0)} ms (runs: ${timings.map((t) => t.toFixed(0)).join(", ")} ms)`);
  return result!;
}

const opinions = syntheticOpinions(Number(values.opinions));
const words = opinions.reduce((sum, o) => sum + o.text.split(/\s+/).length, 0) / opinions.length;
console.log(`Themes: ${opinions.length} opinions, ${words.toFixed(1)} words on average`);
const themes = time("  clusterThemes", () => clusterThemes(opinions));
console.log(`  ${themes.method.k} themes (silhouette ${themes.method.silhouette}), ${themes.method.opinions - themes.method.clustered} in "other"`);
for (const t of themes.themes) console.log(`    ${t.id.padEnd(6)} ${String(t.opinionIds.length).padStart(6)}  ${t.label}`);

const reactions = syntheticReactions(Number(values.participants), Number(values.statements));
console.log(`Opinion groups: ${values.participants} participants × ${values.statements} opinions, ${reactions.length} reactions`);
const groups = time("  computeOpinionGroups", () => computeOpinionGroups(reactions, { minReactions: 30 }));
if (groups.status === "ok") {
  console.log(`  k = ${groups.groups.length} (silhouette ${groups.silhouette.toFixed(3)}), sizes ${groups.groups.map((g) => g.size).join(" / ")}, ${groups.consensus.length} consensus opinions`);
} else console.log(`  no groups: ${groups.reason}`);
