// An official document as PDF, in the same Decree 30 layout as the DOCX (layout.ts), with its fonts
// embedded so that Vietnamese prints the same on any machine. pdfmake (on pdfkit) does the page
// layout: justified text, tables, a block kept on one page, page numbers from page 2.
import pdfmake from "pdfmake";
import type { Content, ContentTable, CustomTableLayout, TDocumentDefinitions } from "pdfmake/interfaces";

import { fontFile, measureText, styleOf } from "./fonts";
import { DOCUMENT_TYPE_NAMES, formatNumberLine, formatPlaceDate, toVnUpper } from "./format";
import {
  FIRST_LINE_INDENT_MM,
  FOOTER_COLUMNS,
  HEADER_COLUMNS,
  HEADER_FROM_TOP_MM,
  LINE_SPACING,
  MARGIN_MM,
  mmToPt,
  PARAGRAPH_SPACING_PT,
  SHORT_RULE_SHARE,
  SIZE,
  TEXT_WIDTH_MM,
} from "./layout";
import { type Block, DRAFT_MARK, type Inline, MOTTO, NATIONAL_NAME, type OfficialDocument, RECIPIENTS_HEADING, recipientLines, withEndMark } from "./model";

const TEXT_WIDTH = mmToPt(TEXT_WIDTH_MM);
const RULE_WIDTH = 0.6;

/** pdfmake keeps fonts in its in-memory file system; the joined Tinos goes there once. */
let fontsReady = false;
function prepareFonts() {
  if (fontsReady) return;
  const vfs = (pdfmake as unknown as { virtualfs: { writeFileSync(name: string, content: Buffer): void } }).virtualfs;
  const files = { normal: "regular", bold: "bold", italics: "italic", bolditalics: "boldItalic" } as const;
  for (const [key, style] of Object.entries(files)) vfs.writeFileSync(`Tinos-${key}.otf`, fontFile(style));
  pdfmake.setFonts({ Tinos: Object.fromEntries(Object.keys(files).map((key) => [key, `Tinos-${key}.otf`])) as never });
  // Documents are made from our own data only: never fetch a URL or read a file named in one.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  fontsReady = true;
}

const noPadding: CustomTableLayout = {
  defaultBorder: false,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

const gridLayout: CustomTableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/** A horizontal rule `length` points long, centred (pdfmake centres a canvas by its width). */
const rule = (length: number, marginTop = 1): Content => ({
  canvas: [{ type: "line", x1: 0, y1: 0, x2: length, y2: 0, lineWidth: RULE_WIDTH }],
  alignment: "center",
  margin: [0, marginTop, 0, 0],
});

const widest = (lines: string[], size: number, bold = false) => Math.max(...lines.map((l) => measureText(l, size, styleOf(bold))));

function headerTable(doc: OfficialDocument): Content {
  const [left, right] = HEADER_COLUMNS.map((share) => TEXT_WIDTH * share) as [number, number];
  const issuerLines = doc.issuerLines.map(toVnUpper);
  return {
    table: {
      widths: [left, right],
      body: [
        [
          {
            stack: [...issuerLines.map((text) => ({ text, bold: true, fontSize: SIZE.issuer })), rule(widest(issuerLines, SIZE.issuer, true) * SHORT_RULE_SHARE)],
            alignment: "center",
          },
          {
            stack: [
              { text: NATIONAL_NAME, bold: true, fontSize: SIZE.nationalName },
              { text: MOTTO, bold: true, fontSize: SIZE.motto },
              rule(widest([MOTTO], SIZE.motto, true)),
            ],
            alignment: "center",
          },
        ],
        [
          { text: formatNumberLine(doc.numberLabel, doc.type, doc.issuerCode), fontSize: SIZE.number, alignment: "center", margin: [0, 6, 0, 0] },
          { text: formatPlaceDate(doc.place, doc.issuedAt), italics: true, fontSize: SIZE.placeDate, alignment: "center", margin: [0, 6, 0, 0] },
        ],
      ],
    },
    layout: noPadding,
  };
}

const inlines = (content: Inline[]) => content.map((i) => (typeof i === "string" ? i : { text: i.text, bold: i.bold, italics: i.italic }));

const paragraph = (content: Inline[], extra: Record<string, unknown> = {}): Content => ({
  text: inlines(content),
  alignment: "justify",
  leadingIndent: mmToPt(FIRST_LINE_INDENT_MM),
  margin: [0, 0, 0, PARAGRAPH_SPACING_PT],
  ...extra,
});

function tableBlock(block: Extract<Block, { kind: "table" }>): ContentTable {
  const relative = block.widths ?? block.header.map(() => 1);
  const total = relative.reduce((a, b) => a + b, 0);
  // Each column gives 8 pt of padding and the lines take a little: the rest is shared out.
  const room = TEXT_WIDTH - relative.length * 8 - (relative.length + 1) * 0.5;
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: relative.map((w) => (room * w) / total),
      body: [
        block.header.map((text) => ({ text, bold: true, alignment: "center" as const })),
        ...block.rows.map((row) => row.map((text, i) => ({ text, alignment: block.align?.[i] ?? ("left" as const) }))),
      ],
    },
    layout: gridLayout,
    fontSize: SIZE.table,
    lineHeight: 1,
    margin: [0, 0, 0, PARAGRAPH_SPACING_PT],
  };
}

function bodyContent(body: Block[]): Content[] {
  const out: Content[] = [];
  const blocks = withEndMark(body);
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    switch (block.kind) {
      case "heading": {
        const heading = paragraph([block.text], { bold: block.level < 3, italics: block.level === 3 });
        // A heading never ends a page: it stays with the paragraph after it.
        const next = blocks[i + 1];
        if (next?.kind === "paragraph") {
          out.push({ stack: [heading, paragraph(next.content)], unbreakable: true });
          i++;
        } else out.push(heading);
        break;
      }
      case "paragraph":
        out.push(paragraph(block.content));
        break;
      case "bullets":
        out.push(...block.items.map((item) => paragraph(["- ", ...item])));
        break;
      case "table":
        out.push(tableBlock(block));
        break;
      case "figure":
        out.push({
          stack: [
            { svg: block.svg, width: mmToPt(block.widthMm), alignment: "center" },
            { text: block.caption, italics: true, alignment: "center", fontSize: SIZE.body - 1, margin: [0, 3, 0, PARAGRAPH_SPACING_PT] },
          ],
          unbreakable: true,
        });
        break;
    }
  }
  return out;
}

function closing(doc: OfficialDocument): Content {
  const [left, right] = FOOTER_COLUMNS.map((share) => TEXT_WIDTH * share) as [number, number];
  return {
    table: {
      widths: [left, right],
      body: [
        [
          {
            stack: [
              { text: RECIPIENTS_HEADING, bold: true, italics: true, fontSize: SIZE.recipientsHeading },
              ...recipientLines(doc.recipients).map((text) => ({ text, fontSize: SIZE.recipients })),
            ],
            lineHeight: 1,
          },
          {
            stack: [
              ...doc.signature.authorityLines.map((text) => ({ text: toVnUpper(text), bold: true })),
              // Room for the signature and the seal.
              { text: doc.signature.signerName, bold: true, margin: [0, 72, 0, 0] },
            ],
            alignment: "center",
            fontSize: SIZE.signature,
            lineHeight: 1,
          },
        ],
      ],
      dontBreakRows: true,
    },
    layout: noPadding,
    unbreakable: true,
    margin: [0, 6, 0, 0],
  };
}

export function buildPdfDefinition(doc: OfficialDocument): TDocumentDefinitions {
  const typeName = DOCUMENT_TYPE_NAMES[doc.type];
  const subjectWidth = Math.min(widest([doc.subject], SIZE.subject, true), TEXT_WIDTH);
  return {
    pageSize: "A4",
    pageOrientation: "portrait",
    pageMargins: [mmToPt(MARGIN_MM.left), mmToPt(MARGIN_MM.top), mmToPt(MARGIN_MM.right), mmToPt(MARGIN_MM.bottom)],
    info: { title: `${typeName} ${doc.subject}`, subject: doc.subject, creator: "Dân Bàn", producer: "Dân Bàn" },
    defaultStyle: { font: "Tinos", fontSize: SIZE.body, lineHeight: LINE_SPACING },
    // Decree 30: page numbers centred in the top margin, from the second page on.
    // A draft carries "DỰ THẢO" at the right of the same line, on every page including the first.
    header: (currentPage: number) =>
      currentPage < 2 && !doc.draft
        ? null
        : {
            margin: [mmToPt(MARGIN_MM.left), mmToPt(HEADER_FROM_TOP_MM), mmToPt(MARGIN_MM.right), 0],
            columns: [
              { width: "*", text: "" },
              { width: "auto", text: currentPage < 2 ? "" : String(currentPage), fontSize: SIZE.pageNumber },
              { width: "*", text: doc.draft ? DRAFT_MARK : "", bold: true, fontSize: SIZE.draftMark, alignment: "right" },
            ],
          },
    content: [
      headerTable(doc),
      { text: typeName, bold: true, fontSize: SIZE.typeName, alignment: "center", margin: [0, 18, 0, 0] },
      { text: doc.subject, bold: true, fontSize: SIZE.subject, alignment: "center", lineHeight: 1 },
      rule(subjectWidth * SHORT_RULE_SHARE, 2),
      { text: "", margin: [0, 12, 0, 0] },
      ...bodyContent(doc.body),
      closing(doc),
    ],
  };
}

/** The document as a PDF file. */
export async function renderPdf(doc: OfficialDocument): Promise<Buffer> {
  prepareFonts();
  return pdfmake.createPdf(buildPdfDefinition(doc)).getBuffer();
}
