// From a table of cell texts to list rows, each checked on its own and against the other rows of the
// file. Nothing here reads the database: the commune's villages are passed in, so the same rules run
// in the preview, in the confirmed import and in unit tests.
import { invalid } from "@/lib/errors";
import { toSearchKey } from "@/lib/text/search-key";

import { findHeaderRow, LIST_COLUMNS, type ListColumnKey } from "./list-columns";
import { MAX_LIST_ROWS } from "./read-list-file";

export type ListRow = {
  /** The row number staff see in Excel (the header is usually row 1). */
  row: number;
  villageId: string;
  householdCode: string;
  address: string | null;
  fullName: string;
  nameKey: string;
  birthYear: number;
  isRepresentative: boolean;
};

export type RowError = {
  row: number;
  column?: ListColumnKey;
  /** Key under "errors" in the catalogues (errors.people.json: listRow…). */
  code: string;
  params?: Record<string, string | number>;
};

export type ParsedList = {
  rows: ListRow[];
  errors: RowError[];
  /** Data rows in the file, blank rows not counted. */
  totalRows: number;
  ignoredColumns: string[];
};

const YES = new Set(["x", "co", "c", "1", "true", "yes", "y", "dai dien", "chu ho", "v", "✓", "✔"]);
const NO = new Set(["", "khong", "k", "0", "false", "no", "n", "-"]);

/** Text as stored: precomposed (NFC) Vietnamese, single spaces, no edge spaces or stray controls. */
export function cleanText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u00a0\u200b\ufeff]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** "tt-01-0001 " and "TT-01-0001" are the same household. */
export const normalizeHouseholdCode = (text: string) => cleanText(text).toUpperCase();

/** Village names match without diacritics, case or the "Thôn"/"Tổ dân phố" prefix. */
export function villageKey(name: string): string {
  return toSearchKey(name).replace(/^(thon|to dan pho|to|xom|ap|ban)\s+/, "");
}

/** A year of birth, or the year of a full date of birth (only the year is kept). */
export function parseBirthYear(text: string, thisYear: number): number | null {
  const t = cleanText(text);
  const match = /^(\d{4})(?:\.0+)?$/.exec(t) ?? /^\d{1,2}[/.-]\d{1,2}[/.-](\d{4})$/.exec(t) ?? /^(\d{4})-\d{1,2}-\d{1,2}$/.exec(t);
  if (!match) return null;
  const year = Number(match[1]);
  return year >= 1900 && year <= thisYear ? year : null;
}

export function parseYesNo(text: string): boolean | null {
  const key = toSearchKey(text);
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return null;
}

function columnName(key: ListColumnKey) {
  return LIST_COLUMNS.find((c) => c.key === key)!.header;
}

export function parseListRows(
  table: readonly (readonly string[])[],
  villages: readonly { id: string; name: string }[],
  thisYear = new Date().getFullYear(),
): ParsedList {
  const { index: headerIndex, match } = findHeaderRow(table);
  if (!match.ok) {
    if (match.duplicate) throw invalid("listDuplicateColumn", { column: columnName(match.duplicate) });
    throw invalid("listMissingColumns", { columns: match.missing.map(columnName).join(", ") });
  }
  const col = match.columns;
  const villageByKey = new Map(villages.map((v) => [villageKey(v.name), v]));

  const rows: ListRow[] = [];
  const errors: RowError[] = [];
  let totalRows = 0;
  for (let i = headerIndex + 1; i < table.length; i++) {
    const cells = table[i]!;
    const cell = (key: ListColumnKey) => {
      const at = col[key];
      return at === undefined ? "" : cleanText(cells[at] ?? "");
    };
    if (cells.every((c) => cleanText(c ?? "") === "")) continue;
    totalRows++;
    const row = i + 1;
    const rowErrors: RowError[] = [];
    const fail = (column: ListColumnKey, code: string, params?: RowError["params"]) => rowErrors.push({ row, column, code, params });

    const villageText = cell("village");
    const village = villageText ? villageByKey.get(villageKey(villageText)) : undefined;
    if (!villageText) fail("village", "listRowVillageMissing");
    else if (!village) fail("village", "listRowVillageUnknown", { village: villageText });

    const householdCode = normalizeHouseholdCode(cell("householdCode"));
    if (!householdCode) fail("householdCode", "listRowCodeMissing");
    else if (householdCode.length > 40) fail("householdCode", "listRowCodeTooLong", { max: 40 });

    const address = cell("address");
    if (address.length > 200) fail("address", "listRowAddressTooLong", { max: 200 });

    const fullName = cell("fullName");
    const nameKey = toSearchKey(fullName);
    if (!fullName) fail("fullName", "listRowNameMissing");
    else if (fullName.length > 100) fail("fullName", "listRowNameTooLong", { max: 100 });
    else if (!/\p{L}.*\p{L}/u.test(fullName) || /\d/.test(fullName)) fail("fullName", "listRowNameInvalid", { name: fullName });

    const yearText = cell("birthYear");
    const birthYear = parseBirthYear(yearText, thisYear);
    if (!yearText) fail("birthYear", "listRowBirthYearMissing");
    else if (birthYear === null) fail("birthYear", "listRowBirthYearInvalid", { value: yearText, max: thisYear });

    const representativeText = cell("isRepresentative");
    const isRepresentative = parseYesNo(representativeText);
    if (isRepresentative === null) fail("isRepresentative", "listRowRepresentativeInvalid", { value: representativeText });

    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    rows.push({ row, villageId: village!.id, householdCode, address: address || null, fullName, nameKey, birthYear: birthYear!, isRepresentative: isRepresentative! });
    if (totalRows > MAX_LIST_ROWS) throw invalid("listTooManyRows", { max: MAX_LIST_ROWS });
  }
  if (totalRows === 0) throw invalid("listEmpty");

  const checked = checkAcrossRows(rows);
  return { rows: checked.rows, errors: [...errors, ...checked.errors].sort((a, b) => a.row - b.row), totalRows, ignoredColumns: match.ignored };
}

/**
 * Rules between rows of the same file: one row per person, one village, one address and at most one
 * representative per household. The first row wins; later rows that disagree are the errors.
 */
function checkAcrossRows(rows: ListRow[]): { rows: ListRow[]; errors: RowError[] } {
  const people = new Map<string, number>();
  const households = new Map<string, { row: number; villageId: string; address: string | null; representativeRow?: number }>();
  const kept: ListRow[] = [];
  const errors: RowError[] = [];
  for (const r of rows) {
    const personKey = `${r.householdCode}\u0000${r.nameKey}\u0000${r.birthYear}`;
    const firstPerson = people.get(personKey);
    if (firstPerson !== undefined) {
      errors.push({ row: r.row, code: "listRowDuplicate", params: { first: firstPerson } });
      continue;
    }
    const household = households.get(r.householdCode);
    if (household && household.villageId !== r.villageId) {
      errors.push({ row: r.row, column: "village", code: "listRowHouseholdVillageMismatch", params: { code: r.householdCode, first: household.row } });
      continue;
    }
    if (household && r.address && household.address && household.address !== r.address) {
      errors.push({ row: r.row, column: "address", code: "listRowHouseholdAddressMismatch", params: { code: r.householdCode, first: household.row } });
      continue;
    }
    if (household && r.isRepresentative && household.representativeRow !== undefined) {
      errors.push({ row: r.row, column: "isRepresentative", code: "listRowTwoRepresentatives", params: { code: r.householdCode, first: household.representativeRow } });
      continue;
    }
    people.set(personKey, r.row);
    if (!household) households.set(r.householdCode, { row: r.row, villageId: r.villageId, address: r.address, representativeRow: r.isRepresentative ? r.row : undefined });
    else {
      household.address ??= r.address;
      if (r.isRepresentative) household.representativeRow = r.row;
    }
    kept.push(r);
  }
  return { rows: kept, errors };
}
