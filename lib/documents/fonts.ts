// The PDF's typeface: Tinos, Google's metric twin of Times New Roman (Decree 30's font), under the
// Apache License 2.0, which allows embedding. npm ships it only as @fontsource/tinos, cut into
// per-script slices for the web: Vietnamese needs the Latin slice (a–z, à, é, ô…) and the Vietnamese
// slice (ạ, ế, ữ…), and a PDF text run takes one font. So the slices of each style are joined into
// one font here (opentype.js), once per process, and the PDF embeds subsets of that font.
import { readFileSync } from "node:fs";
import path from "node:path";

// The ES module build, which every loader here (Node, Vitest, the Next bundler) reads the same way;
// the package's "main" is a UMD file whose exports Node cannot see from an ES module.
import * as opentype from "opentype.js/dist/opentype.mjs";

export type FontStyle = "regular" | "bold" | "italic" | "boldItalic";

const FILES: Record<FontStyle, { file: string; styleName: string }> = {
  regular: { file: "400-normal", styleName: "Regular" },
  bold: { file: "700-normal", styleName: "Bold" },
  italic: { file: "400-italic", styleName: "Italic" },
  boldItalic: { file: "700-italic", styleName: "Bold Italic" },
};

/** Latin first: where slices overlap, its glyphs win. */
const SLICES = ["latin", "latin-ext", "vietnamese"];

// From the project root, as the message catalogues are found: the server bundler turns
// require.resolve into a module number, so the package cannot be located relative to this file.
const fontsDir = () => path.join(process.cwd(), "node_modules", "@fontsource", "tinos", "files");

const toArrayBuffer = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

function joinSlices(style: FontStyle): opentype.Font {
  const { file, styleName } = FILES[style];
  const slices = SLICES.map((slice) => opentype.parse(toArrayBuffer(readFileSync(path.join(fontsDir(), `tinos-${slice}-${file}.woff`)))));
  const base = slices[0]!;
  const glyphs = [base.glyphs.get(0)]; // .notdef
  const taken = new Set<number>();
  for (const font of slices) {
    for (let i = 1; i < font.glyphs.length; i++) {
      const glyph = font.glyphs.get(i);
      // Control characters have no place in a document (and opentype.js reserves code point 0).
      const unicodes = (glyph.unicodes.length ? glyph.unicodes : glyph.unicode !== undefined ? [glyph.unicode] : []).filter((u) => u >= 32 && !taken.has(u));
      if (unicodes.length === 0) continue;
      unicodes.forEach((u) => taken.add(u));
      glyphs.push(new opentype.Glyph({ name: glyph.name ?? `uni${unicodes[0]!.toString(16).toUpperCase()}`, unicode: unicodes[0], unicodes, advanceWidth: glyph.advanceWidth, path: glyph.path }));
    }
  }
  const name = (key: keyof opentype.FontNames) => base.names[key]?.en;
  return new opentype.Font({
    familyName: "Tinos",
    styleName,
    unitsPerEm: base.unitsPerEm,
    ascender: base.ascender,
    descender: base.descender,
    copyright: name("copyright"),
    license: name("license"),
    licenseURL: name("licenseURL"),
    glyphs,
  } as opentype.FontConstructorOptions);
}

const joined = new Map<FontStyle, { font: opentype.Font; file: Buffer }>();

function load(style: FontStyle) {
  let entry = joined.get(style);
  if (!entry) {
    const font = joinSlices(style);
    entry = { font, file: Buffer.from(font.toArrayBuffer()) };
    joined.set(style, entry);
  }
  return entry;
}

/** The font file (OpenType) of a style, for embedding. */
export const fontFile = (style: FontStyle): Buffer => load(style).file;

/** Width in points of `text` set in `style` at `size` points: for rules as long as a line. */
export const measureText = (text: string, size: number, style: FontStyle = "regular"): number => load(style).font.getAdvanceWidth(text, size, { kerning: false });

export const styleOf = (bold = false, italic = false): FontStyle => (bold ? (italic ? "boldItalic" : "bold") : italic ? "italic" : "regular");
