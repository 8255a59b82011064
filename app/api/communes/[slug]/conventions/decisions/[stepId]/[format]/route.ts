import { handleStepDocument } from "@/lib/conventions/documents";

export const dynamic = "force-dynamic";

/** A decision on a village convention (recognition, refusal, suspension, repeal) as DOCX or PDF: public. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; stepId: string; format: string }> }) {
  const { slug, stepId, format } = await params;
  return handleStepDocument(slug, stepId, format);
}
