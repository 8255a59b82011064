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

/**
 * Wall-clock and CPU time of `runs` runs. The work is single-threaded, so its CPU time is what it
 * would take on an idle core: on a machine shared with other work the wall clock says more about the
 * neighbours than about the code.
 */
function time<T>(label: string, work: () => T): T {
  let result: T | undefined;
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    result = work();
    const used = process.cpuUsage(startCpu);
    wall.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const list = (xs: number[]) => xs.map((t) => t.toFixed(0)).join(", ");
  console.log(`${label}: median ${median(wall).toFixed(0)} ms wall, ${median(cpu).toFixed(0)} ms CPU (wall: ${list(wall)}; CPU: ${list(cpu)})`);
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
