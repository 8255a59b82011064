// Decree 30/2020, Appendix I: the measures both renderers share. Where the decree gives a range, the
// value chosen is the one most communes use (Word's template from the Government Office).

/** A4 portrait, in millimetres. */
export const PAGE_MM = { width: 210, height: 297 } as const;

/** Top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const MARGIN_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;

/** The page number sits centred in the top margin, this far from the top edge. */
export const HEADER_FROM_TOP_MM = 10;

/** Font sizes in points (Times New Roman; in the PDF its metric twin Tinos). */
export const SIZE = {
  issuer: 13, // 12–13, capitals, bold
  number: 13,
  nationalName: 13, // 12–13, capitals, bold
  motto: 14, // 13–14, bold
  placeDate: 14, // 13–14, italic
  typeName: 14, // 13–14, capitals, bold
  subject: 14, // 13–14, bold
  body: 14, // 13–14
  table: 13,
  recipientsHeading: 12, // bold italic
  recipients: 11,
  signature: 14, // capitals, bold
  pageNumber: 13,
  draftMark: 13, // bold, at the right of the top margin on every page of a draft
} as const;

/** A new paragraph's first line is indented 1–1.27 cm; paragraphs are at least 6 pt apart. */
export const FIRST_LINE_INDENT_MM = 10;
export const PARAGRAPH_SPACING_PT = 6;
/** Between single and 1.5 lines. */
export const LINE_SPACING = 1.15;

/**
 * The header's two columns, as shares of the text width: issuer on the left, nation on the right. The
 * national name (13 pt bold, about 96 mm) must fit the right column on one line.
 */
export const HEADER_COLUMNS = [0.38, 0.62] as const;
/** Recipients on the left, signature on the right. */
export const FOOTER_COLUMNS = [0.45, 0.55] as const;

/** The short rules under the issuer and the subject are a third to a half of the line above them. */
export const SHORT_RULE_SHARE = 0.4;

export const mmToPt = (mm: number) => (mm * 72) / 25.4;
/** Word measures in twentieths of a point. */
export const mmToTwip = (mm: number) => Math.round((mm * 1440) / 25.4);
export const ptToTwip = (pt: number) => Math.round(pt * 20);

export const TEXT_WIDTH_MM = PAGE_MM.width - MARGIN_MM.left - MARGIN_MM.right;
