// Renders the app's icon (app/icon.svg) into the PNG sizes the web app manifest and phones ask for,
// into public/icons/. Run after changing the icon: npx tsx scripts/public/render-icons.ts
import fs from "node:fs";
import path from "node:path";

import { Resvg } from "@resvg/resvg-js";

const root = path.resolve(import.meta.dirname, "../..");
const svg = fs.readFileSync(path.join(root, "app/icon.svg"), "utf8");
// The maskable icon keeps the pin inside the safe zone (the inner 80%) on a full-bleed background.
const maskable = svg
  .replace('<rect width="64" height="64" rx="14" fill="#115e59"/>', '<rect width="64" height="64" fill="#115e59"/><g transform="translate(9.6 9.6) scale(0.7)">')
  .replace("</svg>", "</g></svg>");

const out = path.join(root, "public/icons");
fs.mkdirSync(out, { recursive: true });
const render = (source: string, size: number, name: string) =>
  fs.writeFileSync(path.join(out, name), new Resvg(source, { fitTo: { mode: "width", value: size } }).render().asPng());

render(svg, 192, "icon-192.png");
render(svg, 512, "icon-512.png");
render(maskable, 512, "icon-maskable-512.png");
render(maskable, 180, "apple-touch-icon.png");
