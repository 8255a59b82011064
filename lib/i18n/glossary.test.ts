import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { DOCUMENT_SOURCES, GLOSSARY, type GlossaryEntry } from "./glossary";

const ROOT = path.resolve(__dirname, "../..");

type Text = { where: string; namespace: string; text: string };

/** Every string of messages/vi, with its file's namespace (errors.tally.json → "errors.tally"). */
function catalogueTexts(locale: string): Text[] {
  const dir = path.join(ROOT, "messages", locale);
  const texts: Text[] = [];
  const walk = (value: unknown, file: string, key: string) => {
    if (typeof value === "string") texts.push({ where: `${file} ${key}`, namespace: file.replace(/\.json$/, ""), text: value });
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, file, key ? `${key}.${k}` : k);
  };
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json"))) walk(JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")), file, "");
  return texts;
}

function sourceFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (fs.statSync(full).isFile()) return [entry];
  return fs.readdirSync(full, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => path.join(entry, f));
}

/** Each line of the document sources that is not a comment (comments may name the old words to explain them). */
function documentLines(): Text[] {
  return DOCUMENT_SOURCES.flatMap(sourceFiles).flatMap((file) =>
    fs.readFileSync(path.join(ROOT, file), "utf8").split("\n")
      .map((line, i) => ({ where: `${file}:${i + 1}`, namespace: "", text: line }))
      .filter(({ text }) => !/^\s*(\/\/|\/?\*)/.test(text)),
  );
}

function hits(entry: GlossaryEntry, texts: Text[]): string[] {
  return texts
    .filter((t) => !entry.keys || entry.keys.includes(t.where))
    .filter((t) => !entry.namespaces || entry.namespaces.some((ns) => t.namespace === ns || t.namespace.startsWith(`${ns}.`)))
    .filter((t) => entry.forbidden.test(t.text) && !(entry.allow ?? []).some((a) => a.test(t.text)))
    .map((t) => `${t.where}: “${t.text.trim().slice(0, 120)}” → write “${entry.preferred}” (${entry.reason})`);
}

describe("the glossary", () => {
  const catalogue = catalogueTexts("vi");
  const documents = documentLines();

  it("reads the catalogue and the document sources", () => {
    expect(catalogue.length).toBeGreaterThan(1000);
    expect(documents.length).toBeGreaterThan(500);
  });

  for (const entry of GLOSSARY) {
    it(`has no “${entry.forbidden.source}” (${entry.preferred})`, () => {
      const found = [
        ...(entry.where.includes("catalogue") ? hits(entry, catalogue) : []),
        ...(entry.where.includes("documents") ? hits(entry, documents) : []),
      ];
      expect(found).toEqual([]);
      // A key-scoped entry whose keys were renamed would pass on nothing.
      for (const key of entry.keys ?? []) expect(catalogue.some((t) => t.where === key), key).toBe(true);
    });
  }

  it("catches the words it is meant to catch", () => {
    const caught = (text: string) => GLOSSARY.filter((e) => !e.namespaces && !e.keys && e.forbidden.test(text)).length > 0;
    for (const bad of ["Ghi như trong sổ hộ khẩu", "(Điều 15.6)", "Luật 10/2022, Điều 35.2.a", "Luật Quy hoạch 2024", "Quy hoạch xây dựng", "Bầu, cho thôi làm Trưởng thôn", "Tử số: số hộ đồng ý", "Báo cáo vi phạm", "Tán thành: 80/1.820"]) {
      expect(caught(bad), bad).toBe(true);
    }
    for (const good of ["khoản 6 Điều 15 Luật Thực hiện dân chủ ở cơ sở", "điểm b khoản 7 Điều 37 Luật Quy hoạch đô thị và nông thôn", "Quy hoạch đô thị và nông thôn", "Mẫu số 03, Nghị định 59/2023/NĐ-CP", "Phản ánh vi phạm"]) {
      expect(caught(good), good).toBe(false);
    }
  });
});
