// An official document as DOCX, the file officials open in Word to finish and print, laid out as
// Decree 30/2020 (Appendix I) prescribes; see layout.ts for the measures. Rules under the issuer,
// the motto and the subject are bottom borders of small empty paragraphs whose indents make them as
// long as the decree asks, since a paragraph's border spans its whole width.
import { Resvg } from "@resvg/resvg-js";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  type IBorderOptions,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Tab,
  TabStopType,
  type ParagraphChild,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";

import { measureText, styleOf } from "./fonts";
import { DOCUMENT_TYPE_NAMES, formatNumberLine, formatPlaceDate, toVnUpper } from "./format";
import {
  FIRST_LINE_INDENT_MM,
  FOOTER_COLUMNS,
  HEADER_COLUMNS,
  HEADER_FROM_TOP_MM,
  LINE_SPACING,
  MARGIN_MM,
  mmToTwip,
  PAGE_MM,
  PARAGRAPH_SPACING_PT,
  ptToTwip,
  SHORT_RULE_SHARE,
  SIZE,
  TEXT_WIDTH_MM,
} from "./layout";
import { type Block, DRAFT_MARK, type Inline, MOTTO, NATIONAL_NAME, type OfficialDocument, RECIPIENTS_HEADING, recipientLines, withEndMark } from "./model";

const FONT = "Times New Roman";
const halfPoints = (pt: number) => pt * 2;
const TEXT_WIDTH = mmToTwip(TEXT_WIDTH_MM);

type RunStyle = { size: number; bold?: boolean; italic?: boolean };

const run = (text: string, style: RunStyle) => new TextRun({ text, font: FONT, size: halfPoints(style.size), bold: style.bold, italics: style.italic });

const line = (text: string, style: RunStyle, alignment: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.CENTER) =>
  new Paragraph({ alignment, spacing: { before: 0, after: 0 }, children: [run(text, style)] });

/** A centred horizontal rule `lengthPt` long inside a box `boxTwip` wide. */
function rule(lengthPt: number, boxTwip: number) {
  const indent = Math.max(0, Math.round((boxTwip - ptToTwip(lengthPt)) / 2));
  const border: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 };
  return new Paragraph({
    indent: { left: indent, right: indent },
    spacing: { before: 0, after: 0, line: 40, lineRule: LineRuleType.EXACT },
    border: { bottom: border },
    children: [run("", { size: 2 })],
  });
}

const widest = (lines: string[], style: RunStyle) => Math.max(...lines.map((l) => measureText(l, style.size, styleOf(style.bold, style.italic))));

/** A cell of a layout table: no borders and no inner margins, so the text gets the column's width. */
const cell = (children: Paragraph[], widthTwip: number) =>
  new TableCell({
    children,
    width: { size: widthTwip, type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
    borders: TableBorders.NONE,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
  });

function headerTable(doc: OfficialDocument): Table {
  const [left, right] = HEADER_COLUMNS.map((share) => Math.round(TEXT_WIDTH * share)) as [number, number];
  const issuer: RunStyle = { size: SIZE.issuer, bold: true };
  const issuerLines = doc.issuerLines.map(toVnUpper);
  const motto: RunStyle = { size: SIZE.motto, bold: true };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          cell([...issuerLines.map((l) => line(l, issuer)), rule(widest(issuerLines, issuer) * SHORT_RULE_SHARE, left)], left),
          cell([line(NATIONAL_NAME, { size: SIZE.nationalName, bold: true }), line(MOTTO, motto), rule(widest([MOTTO], motto), right)], right),
        ],
      }),
      new TableRow({
        cantSplit: true,
        children: [
          cell([new Paragraph({ spacing: { before: 120 } }), line(formatNumberLine(doc.numberLabel, doc.type, doc.issuerCode), { size: SIZE.number })], left),
          cell([new Paragraph({ spacing: { before: 120 } }), line(formatPlaceDate(doc.place, doc.issuedAt), { size: SIZE.placeDate, italic: true })], right),
        ],
      }),
    ],
  });
}

const inlineRuns = (content: Inline[], size: number): ParagraphChild[] =>
  content.map((i) => (typeof i === "string" ? run(i, { size }) : run(i.text, { size, bold: i.bold, italic: i.italic })));

const bodyParagraph = (children: ParagraphChild[], options: { keepNext?: boolean } = {}) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mmToTwip(FIRST_LINE_INDENT_MM) },
    spacing: { before: 0, after: ptToTwip(PARAGRAPH_SPACING_PT), line: Math.round(240 * LINE_SPACING), lineRule: LineRuleType.AUTO },
    keepNext: options.keepNext,
    children,
  });

function tableBlock(block: Extract<Block, { kind: "table" }>): Table {
  const relative = block.widths ?? block.header.map(() => 1);
  const total = relative.reduce((a, b) => a + b, 0);
  const widths = relative.map((w) => Math.round((TEXT_WIDTH * w) / total));
  const border: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  const alignOf = (i: number) =>
    ({ left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT })[block.align?.[i] ?? "left"];
  const row = (cells: string[], isHeader: boolean) =>
    new TableRow({
      tableHeader: isHeader,
      cantSplit: true,
      children: cells.map(
        (text, i) =>
          new TableCell({
            width: { size: widths[i]!, type: WidthType.DXA },
            verticalAlign: VerticalAlign.CENTER,
            margins: { top: 40, bottom: 40, left: 80, right: 80 },
            children: [line(text, { size: SIZE.table, bold: isHeader }, isHeader ? AlignmentType.CENTER : alignOf(i))],
          }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [row(block.header, true), ...block.rows.map((r) => row(r, false))],
  });
}

function bodyBlocks(body: Block[]): (Paragraph | Table)[] {
  return withEndMark(body).flatMap((block): (Paragraph | Table)[] => {
    switch (block.kind) {
      case "heading":
        return [bodyParagraph([run(block.text, { size: SIZE.body, bold: block.level < 3, italic: block.level === 3 })], { keepNext: true })];
      case "paragraph":
        return [bodyParagraph(inlineRuns(block.content, SIZE.body))];
      case "bullets":
        return block.items.map((item) => bodyParagraph(inlineRuns(["- ", ...item], SIZE.body)));
      case "table":
        return [tableBlock(block), new Paragraph({ spacing: { after: ptToTwip(PARAGRAPH_SPACING_PT) } })];
      case "figure": {
        // Word draws the picture from a PNG rendered at print resolution (about 200 dpi).
        const widthPt = (block.widthMm * 72) / 25.4;
        const png = new Resvg(block.svg, { fitTo: { mode: "width", value: Math.round((block.widthMm / 25.4) * 200) } }).render().asPng();
        const heightPt = (widthPt * block.heightPx) / block.widthPx;
        return [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            keepNext: true,
            // docx sizes pictures in pixels at 96 per inch.
            children: [new ImageRun({ type: "png", data: png, transformation: { width: Math.round((widthPt * 96) / 72), height: Math.round((heightPt * 96) / 72) }, altText: { name: "map", title: block.caption, description: block.caption } })],
          }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: ptToTwip(PARAGRAPH_SPACING_PT) }, children: [run(block.caption, { size: SIZE.body - 1, italic: true })] }),
        ];
      }
    }
  });
}

function closingTable(doc: OfficialDocument): Table {
  const [left, right] = FOOTER_COLUMNS.map((share) => Math.round(TEXT_WIDTH * share)) as [number, number];
  const recipients = [
    line(RECIPIENTS_HEADING, { size: SIZE.recipientsHeading, bold: true, italic: true }, AlignmentType.LEFT),
    ...recipientLines(doc.recipients).map((r) => line(r, { size: SIZE.recipients }, AlignmentType.LEFT)),
  ];
  const signature = [
    ...doc.signature.authorityLines.map((l) => line(toVnUpper(l), { size: SIZE.signature, bold: true })),
    // Room for the signature and the seal.
    ...Array.from({ length: 4 }, () => line("", { size: SIZE.signature })),
    line(doc.signature.signerName, { size: SIZE.signature, bold: true }),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: TableBorders.NONE,
    rows: [new TableRow({ cantSplit: true, children: [cell(recipients, left), cell(signature, right)] })],
  });
}

/**
 * The line in the top margin: the page number centred (from page 2, Decree 30) and, on a draft,
 * "DỰ THẢO" at the right, on every page including the first.
 */
function topMargin(doc: OfficialDocument, numbered: boolean): Paragraph {
  if (!doc.draft) {
    return numbered
      ? new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: halfPoints(SIZE.pageNumber) })] })
      : new Paragraph({});
  }
  const children: ParagraphChild[] = [];
  if (numbered) children.push(new TextRun({ children: [new Tab(), PageNumber.CURRENT], font: FONT, size: halfPoints(SIZE.pageNumber) }));
  if (doc.draft) children.push(new TextRun({ children: numbered ? [new Tab(), DRAFT_MARK] : [new Tab(), new Tab(), DRAFT_MARK], font: FONT, bold: true, size: halfPoints(SIZE.draftMark) }));
  return new Paragraph({
    tabStops: [
      { type: TabStopType.CENTER, position: Math.round(TEXT_WIDTH / 2) },
      { type: TabStopType.RIGHT, position: TEXT_WIDTH },
    ],
    children,
  });
}

export function buildDocx(doc: OfficialDocument): Document {
  const typeName = DOCUMENT_TYPE_NAMES[doc.type];
  const subject: RunStyle = { size: SIZE.subject, bold: true };
  // A subject too long for one line wraps; its rule then takes a share of the whole line.
  const subjectWidth = Math.min(widest([doc.subject], subject), TEXT_WIDTH / 20);
  return new Document({
    creator: "Dân Bàn",
    title: `${typeName} ${doc.subject}`,
    styles: { default: { document: { run: { font: FONT, size: halfPoints(SIZE.body) } } } },
    sections: [
      {
        properties: {
          // Decree 30: page numbers from the second page on, so the first page has its own (empty) header.
          titlePage: true,
          page: {
            size: { width: mmToTwip(PAGE_MM.width), height: mmToTwip(PAGE_MM.height), orientation: PageOrientation.PORTRAIT },
            margin: {
              top: mmToTwip(MARGIN_MM.top),
              bottom: mmToTwip(MARGIN_MM.bottom),
              left: mmToTwip(MARGIN_MM.left),
              right: mmToTwip(MARGIN_MM.right),
              header: mmToTwip(HEADER_FROM_TOP_MM),
              footer: mmToTwip(HEADER_FROM_TOP_MM),
            },
          },
        },
        headers: {
          first: new Header({ children: [topMargin(doc, false)] }),
          default: new Header({ children: [topMargin(doc, true)] }),
        },
        children: [
          headerTable(doc),
          new Paragraph({ spacing: { before: 240 } }),
          line(typeName, { size: SIZE.typeName, bold: true }),
          line(doc.subject, subject),
          rule(subjectWidth * SHORT_RULE_SHARE, TEXT_WIDTH),
          new Paragraph({ spacing: { after: 240 } }),
          ...bodyBlocks(doc.body),
          new Paragraph({ spacing: { after: 120 } }),
          closingTable(doc),
        ],
      },
    ],
  });
}

/** The document as a .docx file. */
export const renderDocx = (doc: OfficialDocument): Promise<Buffer> => Packer.toBuffer(buildDocx(doc));
