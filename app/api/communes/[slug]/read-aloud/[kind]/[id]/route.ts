import { serveReadAloud } from "@/lib/read-aloud/audio-route";

export const dynamic = "force-dynamic";

/** A public text read aloud, as MP3 (lib/read-aloud): ?download=1 for the commune radio. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; kind: string; id: string }> }) {
  const { slug, kind, id } = await params;
  return serveReadAloud(request, slug, kind, id);
}
