import { getOneRequest } from "@/lib/open311/http";

export const dynamic = "force-dynamic";

/** Open311 GeoReport v2: requests/{service_request_id}.{json,xml}, a public case by its number. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return getOneRequest(request, (await params).id);
}
