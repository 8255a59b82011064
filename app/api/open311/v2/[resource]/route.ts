import { getCollection, postCollection } from "@/lib/open311/http";

export const dynamic = "force-dynamic";

// Open311 GeoReport v2: services.{json,xml}, requests.{json,xml} (lib/open311/). Reading is public
// (public cases only); filing needs a client's api_key.
export async function GET(request: Request, { params }: { params: Promise<{ resource: string }> }) {
  return getCollection(request, (await params).resource);
}

export async function POST(request: Request, { params }: { params: Promise<{ resource: string }> }) {
  return postCollection(request, (await params).resource);
}
