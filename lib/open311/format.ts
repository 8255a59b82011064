// The Open311 GeoReport v2 wire format (wiki.open311.org/GeoReport_v2): every resource is asked for
// as `<name>.json` or `<name>.xml`; errors are a list of { code, description }; datetimes are ISO 8601
// with the offset. Vietnam keeps UTC+7 all year (no daylight saving), so the offset is fixed.
import { type Locale, locales } from "@/lib/i18n/routing";
import { translateError } from "@/lib/api/error-response";

export const FORMATS = ["json", "xml"] as const;
export type Format = (typeof FORMATS)[number];

/** An Open311 error: the HTTP status and the list the spec returns. */
export class Open311Error extends Error {
  constructor(
    public readonly status: number,
    public readonly description: string,
    public readonly more: readonly { code: number; description: string }[] = [],
  ) {
    super(description);
    this.name = "Open311Error";
  }
}

/** "requests.json" → { name: "requests", format: "json" }; an unknown format is a 400 naming the two we answer. */
export function splitFormat(segment: string): { name: string; format: Format } {
  const dot = segment.lastIndexOf(".");
  const name = dot < 0 ? segment : segment.slice(0, dot);
  const format = dot < 0 ? "" : segment.slice(dot + 1).toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new Open311Error(400, `Unsupported format "${format || "(none)"}": ask for ${name}.json or ${name}.xml / Định dạng không hỗ trợ: dùng .json hoặc .xml.`);
  }
  return { name, format: format as Format };
}

/** The language of error descriptions: ?locale=en, Vietnamese otherwise. */
export function open311Locale(url: URL): Locale {
  const asked = url.searchParams.get("locale");
  return (locales as readonly string[]).includes(asked ?? "") ? (asked as Locale) : "vi";
}

export const translate = translateError;

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

/** 2026-12-07T22:05:00+07:00 — the moment on Vietnam's clock, with its offset (the spec's W3C format). */
export function isoVn(date: Date | null | undefined): string | null {
  if (!date) return null;
  return `${new Date(date.getTime() + VN_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

/** A datetime filter as the spec gives it (W3C / ISO 8601, with or without an offset; a bare date is midnight in Vietnam). */
export function parseDateParam(value: string | null, field: string): Date | null {
  if (value === null || value.trim() === "") return null;
  const v = value.trim();
  const withZone = /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00+07:00` : /(Z|[+-]\d{2}:?\d{2})$/.test(v) ? v : `${v}+07:00`;
  const d = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(v) ? new Date(withZone) : new Date(NaN);
  if (Number.isNaN(d.getTime())) throw new Open311Error(400, `${field}: not a W3C datetime (e.g. 2026-12-07T00:00:00+07:00) / ${field}: ngày giờ không hợp lệ.`);
  return d;
}

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);

type Scalar = string | number | boolean | null;

function xmlValue(value: Scalar): string {
  return value === null ? "" : escapeXml(String(value));
}

/** The spec's XML: <root><item><field>value</field>…</item>…</root>. */
export function toXml(root: string, item: string, rows: readonly Record<string, Scalar>[]): string {
  const body = rows.map((row) => `<${item}>${Object.entries(row).map(([k, v]) => `<${k}>${xmlValue(v)}</${k}>`).join("")}</${item}>`).join("");
  return `<?xml version="1.0" encoding="utf-8"?>\n<${root}>${body}</${root}>\n`;
}

const HEADERS = { "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" };
export const CONTENT_TYPES: Record<Format, string> = { xml: "text/xml; charset=utf-8", json: "application/json" };
/** The request lists are cached on the server (lib/cases/public-cache.ts); clients revalidate by ETag. */
export const LIST_HEADERS = { "Cache-Control": "public, no-cache", "Access-Control-Allow-Origin": "*" };

/** The body of a list of rows in the format asked for. */
export function open311Text(format: Format, root: string, item: string, rows: readonly Record<string, Scalar>[]): string {
  return format === "xml" ? toXml(root, item, rows) : JSON.stringify(rows);
}

/** A list of rows in the format asked for. */
export function open311Response(format: Format, root: string, item: string, rows: readonly Record<string, Scalar>[], status = 200): Response {
  if (format === "xml") return new Response(toXml(root, item, rows), { status, headers: { ...HEADERS, "Content-Type": CONTENT_TYPES.xml } });
  return Response.json(rows, { status, headers: HEADERS });
}

/** Errors as the spec wants them: [{ code, description }], the HTTP status as the first code. */
export function open311ErrorResponse(format: Format, error: Open311Error): Response {
  const rows = [{ code: error.status, description: error.description }, ...error.more];
  return open311Response(format, "errors", "error", rows, error.status);
}
