import { describe, expect, it } from "vitest";

import { seededRandom } from "@/lib/reports/seeded-random";

import { clusterThemes } from "./cluster-themes";
import { mergeThemes, renameTheme } from "./edit-themes";
import { CLEARANCE, fixtureOpinions, FLOODING, ROAD } from "./testing/fixture-opinions";
import { OTHER_THEME_ID, type ThemeSet, themeSetSchema } from "./schemas";
import { canonicalTone, tokenize } from "./tokenize";

const themeOf = (set: ThemeSet, opinionId: string) => set.themes.find((t) => t.opinionIds.includes(opinionId))!;

function shuffled<T>(items: T[], seed: number): T[] {
  const random = seededRandom(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe("Vietnamese tokenisation", () => {
  it("brings both tone placements of oa, oe and uy to one, and leaves qu and final consonants alone", () => {
    expect(canonicalTone("hoà")).toBe("hòa");
    expect(canonicalTone("khoẻ")).toBe("khỏe");
    expect(canonicalTone("thuỷ")).toBe("thủy");
    expect(canonicalTone("quý")).toBe("quý");
    expect(canonicalTone("hoàng")).toBe("hoàng");
    expect(canonicalTone("đường")).toBe("đường");
  });

  it("reads decomposed (NFD) text as the same syllables, and ends phrases at punctuation", () => {
    const nfc = tokenize("Cống thoát nước, Bàu Sen");
    const nfd = tokenize("Cống thoát nước, Bàu Sen".normalize("NFD"));
    expect(nfd).toEqual(nfc);
    expect(nfc.map((p) => p.map((t) => t.term))).toEqual([["cống", "thoát", "nước"], ["bàu", "sen"]]);
    expect(nfc[1]!.map((t) => t.surface)).toEqual(["Bàu", "Sen"]);
  });

  it("treats emoji, links and symbols as breaks, and keeps numbers out of terms", () => {
    const phrases = tokenize("Đường xấu quá😡😡 xem https://xa.vn/a?b=1 · 123 hộ ở thôn 5");
    const content = phrases.flatMap((p) => p.filter((t) => t.isContent).map((t) => t.term));
    expect(content).toEqual(["đường", "xấu", "xem"]);
    expect(phrases[0]!.map((t) => t.surface)).toEqual(["Đường", "xấu", "quá"]);
  });

  it("drops stop words and stop phrases but keeps the same syllables where they carry meaning", () => {
    const content = (text: string) => tokenize(text).flatMap((p) => p.filter((t) => t.isContent).map((t) => t.term));
    expect(content("Đề nghị xã có thể làm sân thể thao")).toEqual(["sân", "thể", "thao"]);
    expect(content("Trạm y tế thiếu bác sĩ")).toEqual(["trạm", "y", "tế", "thiếu", "bác", "sĩ"]);
    expect(content("nước sạch cho nhà văn hóa")).toEqual(["nước", "sạch", "nhà", "văn", "hóa"]);
  });
});

describe("clusterThemes", () => {
  const set = clusterThemes(fixtureOpinions());

  it("puts opinions on the same concern together, one theme per concern", () => {
    const flooding = themeOf(set, "flood-00");
    const road = themeOf(set, "road-00");
    const clearance = themeOf(set, "land-00");
    expect(new Set([flooding.id, road.id, clearance.id]).size).toBe(3);
    expect(flooding.opinionIds).toEqual(FLOODING.map((_, i) => `flood-0${i}`));
    expect(road.opinionIds).toEqual(ROAD.map((_, i) => `road-0${i}`));
    expect(clearance.opinionIds).toEqual(CLEARANCE.map((_, i) => `land-0${i}`));
    expect(set.method).toMatchObject({ opinions: 30, clustered: 25, k: 3 });
    expect(themeSetSchema.parse(set)).toEqual(set);
  });

  it("reads an opinion typed without diacritics with the others' accents", () => {
    // flood-08: "Dong nuoc o Bau Sen bi ngap, cong thoat nuoc qua nho…"
    expect(themeOf(set, "flood-08").id).toBe(themeOf(set, "flood-00").id);
  });

  it("sends replies too short to cluster to the other theme", () => {
    const other = set.themes.find((t) => t.id === OTHER_THEME_ID)!;
    expect(other).toMatchObject({ kind: "other", label: "Ý kiến khác" });
    expect(other.opinionIds).toEqual(["short-00", "short-01", "short-02", "short-03", "short-04"]);
    expect(set.themes.at(-1)!.id).toBe(OTHER_THEME_ID);
  });

  it("labels themes with readable Vietnamese phrases, names in capitals", () => {
    expect(themeOf(set, "flood-00").label).toBe("cống thoát nước · Bàu Sen · ngập");
    expect(themeOf(set, "land-00").label).toMatch(/^giải phóng mặt bằng · /);
    expect(themeOf(set, "land-00").label).toContain("bồi thường");
    expect(themeOf(set, "road-00").label).toMatch(/^đường giao thông · /);
    expect(themeOf(set, "road-00").topTerms.map((t) => t.text)).toContain("xe tải");
  });

  it("gives the same themes every time, whatever the order of the opinions or their Unicode form", () => {
    expect(clusterThemes(fixtureOpinions())).toEqual(set);
    expect(clusterThemes(shuffled(fixtureOpinions(), 1))).toEqual(set);
    expect(clusterThemes(shuffled(fixtureOpinions(), 2))).toEqual(set);
    expect(clusterThemes(fixtureOpinions().map((o) => ({ ...o, text: o.text.normalize("NFD") })))).toEqual(set);
  });

  it("copes with nothing to cluster", () => {
    expect(clusterThemes([]).themes).toEqual([]);
    const onlyShort = clusterThemes([{ id: "a", text: "Đồng ý" }, { id: "b", text: "ok" }]);
    expect(onlyShort.themes.map((t) => t.id)).toEqual([OTHER_THEME_ID]);
    const few = clusterThemes(FLOODING.slice(0, 3).map((text, i) => ({ id: `f${i}`, text })));
    expect(few.themes).toHaveLength(1);
    expect(few.themes[0]!.opinionIds).toEqual(["f0", "f1", "f2"]);
  });
});

describe("renaming and merging themes", () => {
  const set = clusterThemes(fixtureOpinions());
  const flooding = themeOf(set, "flood-00");
  const road = themeOf(set, "road-00");

  it("renames a theme and keeps the proposed label", () => {
    const renamed = renameTheme(set, flooding.id, "  Chống ngập ở Bàu Sen  ");
    expect(themeOf(renamed, "flood-00")).toMatchObject({ label: "Chống ngập ở Bàu Sen", autoLabel: flooding.label, isRenamed: true, opinionIds: flooding.opinionIds });
    expect(themeOf(set, "flood-00").label).toBe(flooding.label); // the input is left as it was
    expect(themeOf(renameTheme(renamed, flooding.id, flooding.label), "flood-00").isRenamed).toBe(false);
  });

  it("refuses an empty label or an unknown theme with a message key", () => {
    expect(() => renameTheme(set, flooding.id, "   ")).toThrow(expect.objectContaining({ code: "themeLabelRequired", status: 422 }));
    expect(() => renameTheme(set, flooding.id, "x".repeat(201))).toThrow(expect.objectContaining({ code: "themeLabelTooLong", status: 422 }));
    expect(() => renameTheme(set, "t99", "Tên")).toThrow(expect.objectContaining({ code: "themeNotFound", status: 404 }));
  });

  it("merges themes into the first named, with all their opinions and a label from both", () => {
    const merged = mergeThemes(set, [road.id, flooding.id]);
    const theme = themeOf(merged, "road-00");
    expect(theme.id).toBe(road.id);
    expect(theme.opinionIds).toEqual([...flooding.opinionIds, ...road.opinionIds].sort());
    expect(theme.mergedFrom).toEqual([flooding.id]);
    expect(theme.label).toContain("cống thoát nước");
    expect(theme.label).toContain("đường giao thông");
    expect(merged.themes.filter((t) => t.kind === "theme")).toHaveLength(2);
    expect(merged.themes.flatMap((t) => t.opinionIds).sort()).toEqual(set.themes.flatMap((t) => t.opinionIds).sort());
    expect(themeSetSchema.parse(merged)).toEqual(merged);
    expect(themeOf(mergeThemes(set, [road.id, flooding.id], "Hạ tầng"), "road-00")).toMatchObject({ label: "Hạ tầng", isRenamed: true });
  });

  it("refuses to merge fewer than two themes or the other theme", () => {
    expect(() => mergeThemes(set, [road.id, road.id])).toThrow(expect.objectContaining({ code: "themeMergeNeedsTwo", status: 422 }));
    expect(() => mergeThemes(set, [road.id, OTHER_THEME_ID])).toThrow(expect.objectContaining({ code: "themeMergeOther", status: 422 }));
    expect(() => mergeThemes(set, [road.id, "t42"])).toThrow(expect.objectContaining({ code: "themeNotFound", status: 404 }));
  });
});
