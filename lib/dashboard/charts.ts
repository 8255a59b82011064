import "server-only";

// Charts drawn on the server as SVG by Apache ECharts (server-side rendering: no chart JavaScript is
// sent to the browser). Each series also gets a decal pattern (stripes, dots…) so the bars read without
// colour; the page puts a table of the same figures beside each chart and a text description on it.
import * as echarts from "echarts";

export type BarSeries = { name: string; data: number[] };

export type BarChartInput = {
  categories: string[];
  series: BarSeries[];
  /** Categories down the side (long village names), bars across. */
  horizontal?: boolean;
  width?: number;
  height?: number;
};

// Dark, well-separated colours (AA contrast on white) for the bars; the decals carry the difference too.
const PALETTE = ["#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c", "#334155"];

export function renderBarChart(input: BarChartInput): string {
  const width = input.width ?? 640;
  const height = input.height ?? Math.max(260, input.horizontal ? 60 + input.categories.length * 28 * Math.max(1, input.series.length / 2) : 300);
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  const category = { type: "category" as const, data: input.categories, axisLabel: { color: "#1c1917", fontSize: 12, width: 120, overflow: "truncate" as const } };
  const value = { type: "value" as const, minInterval: 1, axisLabel: { color: "#1c1917", fontSize: 12 } };
  chart.setOption({
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: "system-ui, Arial, sans-serif", color: "#1c1917" },
    aria: { enabled: true, decal: { show: true } },
    legend: { top: 0, textStyle: { color: "#1c1917", fontSize: 12 } },
    grid: { left: input.horizontal ? 130 : 40, right: 20, top: 40, bottom: 30, containLabel: false },
    xAxis: input.horizontal ? value : category,
    yAxis: input.horizontal ? { ...category, inverse: true } : value,
    series: input.series.map((s) => ({ name: s.name, type: "bar", data: s.data, label: { show: true, position: input.horizontal ? "right" : "top", color: "#1c1917", fontSize: 11 } })),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  // The figure around it names the chart for screen readers; the drawing itself is decoration. It
  // shrinks to the column's width (its viewBox keeps the proportions) rather than scrolling.
  return svg.replace(/^<svg width="\d+" height="\d+" /, '<svg aria-hidden="true" focusable="false" width="100%" style="max-width:' + width + 'px;height:auto" ');
}
