"use client";

type UploadError = { code: string; params?: Record<string, string | number> };

/** Uploads site-visit photos one by one (the server strips their metadata); their ids, or the first error. */
export async function uploadSupervisionPhotos(slug: string, boardId: string, files: FormDataEntryValue[]): Promise<{ ids: string[] } | { error: UploadError | null }> {
  const ids: string[] = [];
  for (const file of files) {
    if (!(file instanceof File) || file.size === 0) continue;
    const body = new FormData();
    body.set("file", file);
    const response = await fetch(`/api/communes/${slug}/supervision/${boardId}/photos`, { method: "POST", body });
    const answer = (await response.json().catch(() => ({}))) as { id?: string; error?: UploadError };
    if (!response.ok || !answer.id) return { error: answer.error ?? null };
    ids.push(answer.id);
  }
  return { ids };
}
