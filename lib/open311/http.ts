// The route handlers' common part: the format from the address, the jurisdiction, Open311 errors in
// the spec's shape (anything unexpected is a 500 in that shape too, with a log line).
import { randomUUID } from "node:crypto";

import { cachedBody, cachedResponse, open311ListCache } from "@/lib/cases/public-cache";
import { publicOrigin } from "@/lib/disclosure/http";
import { maxUploadBytes } from "@/lib/storage/inspect-upload";
import { isDatabaseUnavailable } from "@/lib/reliability/database-unavailable";

import { CONTENT_TYPES, type Format, LIST_HEADERS, open311ErrorResponse, Open311Error, open311Locale, open311Response, open311Text, splitFormat } from "./format";
import { getRequest, jurisdiction, listRequests, listServices, postRequest, readRequestQuery, requestQueryKey } from "./georeport";

type Handler = (format: Format, url: URL) => Promise<Response>;

async function answer(segment: string, name: string, handler: Handler, request: Request): Promise<Response> {
  let format: Format = "json";
  try {
    const split = splitFormat(segment);
    format = split.format;
    return await handler(format, new URL(request.url));
  } catch (error) {
    if (error instanceof Open311Error) return open311ErrorResponse(format, error);
    if (isDatabaseUnavailable(error)) return open311ErrorResponse(format, new Open311Error(503, "The database is out of reach: try again in a moment / Cơ sở dữ liệu tạm thời không truy cập được."));
    const id = randomUUID().slice(0, 8);
    console.error(`[open311 ${name}] unexpected error ${id}:`, error);
    return open311ErrorResponse(format, new Open311Error(500, `Unexpected error (${id}) / Lỗi không mong đợi (${id}).`));
  }
}

const resource = (segment: string) => segment.slice(0, Math.max(0, segment.lastIndexOf(".")) || segment.length);
const unknown = (segment: string) => new Open311Error(404, `No resource "${segment}": services, requests / Không có tài nguyên "${segment}".`);

/** GET services.{json,xml} and requests.{json,xml}. */
export function getCollection(request: Request, segment: string) {
  return answer(segment, "GET", async (format, url) => {
    const j = await jurisdiction(url.searchParams.get("jurisdiction_id"));
    switch (resource(segment)) {
      case "services":
        return open311Response(format, "services", "service", await listServices(j));
      case "requests": {
        // One body per commune, format, public address and normalised query, kept a short while and
        // dropped at once when a case changes (lib/cases/public-cache.ts).
        const origin = publicOrigin(request);
        const query = readRequestQuery(url.searchParams);
        const cached = await open311ListCache.get(`${j.id}|${format}|${origin}|${requestQueryKey(query)}`, async () =>
          cachedBody(open311Text(format, "service_requests", "request", await listRequests(j, query, new Date(), origin))),
        );
        return cachedResponse(request, cached, { ...LIST_HEADERS, "Content-Type": CONTENT_TYPES[format] });
      }
      default:
        throw unknown(segment);
    }
  }, request);
}

/** GET requests/{id}.{json,xml}. */
export function getOneRequest(request: Request, segment: string) {
  return answer(segment, "GET one", async (format, url) => {
    const j = await jurisdiction(url.searchParams.get("jurisdiction_id"));
    return open311Response(format, "service_requests", "request", await getRequest(j, splitFormat(segment).name, publicOrigin(request)));
  }, request);
}

/** POST requests.{json,xml}: form-encoded (or multipart, with an optional `media` photo). */
export function postCollection(request: Request, segment: string) {
  return answer(segment, "POST", async (format, url) => {
    if (resource(segment) !== "requests") throw unknown(segment);
    const declared = Number(request.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > maxUploadBytes()) throw new Open311Error(413, "The request is too large / Yêu cầu quá lớn.");
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new Open311Error(400, "Send the fields form-encoded (application/x-www-form-urlencoded or multipart/form-data) / Gửi dữ liệu dạng biểu mẫu.");
    }
    const given = form.get("jurisdiction_id") ?? url.searchParams.get("jurisdiction_id");
    const j = typeof given === "string" && given.trim() ? await jurisdiction(given) : null;
    const file = form.get("media");
    let media: { fileName: string; data: Buffer } | null = null;
    if (file instanceof File && file.size > 0) {
      if (file.size > maxUploadBytes()) throw new Open311Error(413, "media is too large / Ảnh quá lớn.");
      media = { fileName: file.name || "media", data: Buffer.from(await file.arrayBuffer()) };
    }
    return open311Response(format, "service_requests", "request", await postRequest(j, form, media, open311Locale(url)));
  }, request);
}
