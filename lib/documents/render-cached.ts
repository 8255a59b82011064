// A published report or notice is downloaded by anyone, as often as they like, and rendering a PDF
// (fonts, layout) costs a second of CPU on a commune's small server: an anonymous visitor repeating
// the download could keep it busy. So a public file is rendered once and stored (lib/storage), under
// a key that is the hash of everything the file is made from: the document model itself, the format
// and the layout's version. A new version of the report (or a changed signer) is a new model, hence a
// new key; nothing needs invalidating. Drafts are not stored: only staff read them, and they change.
import { createHash } from "node:crypto";

import { getStorage } from "@/lib/storage/storage";

import { DOCUMENT_MIME, type DocumentFormat } from "./download";
import type { OfficialDocument } from "./model";
import { renderDocx } from "./render-docx";
import { renderPdf } from "./render-pdf";

/** Raise when render-docx.ts, render-pdf.ts or the layout change what a file looks like. */
export const LAYOUT_VERSION = 2;


let renders = 0;
/** How many files were rendered (not served from storage) by this process: for tests and the bench. */
export const renderCount = () => renders;

/** Concurrent downloads of a file not stored yet wait for one rendering instead of each starting one. */
const inFlight = new Map<string, Promise<Buffer>>();

async function render(doc: OfficialDocument, format: DocumentFormat): Promise<Buffer> {
  renders++;
  return format === "docx" ? renderDocx(doc) : renderPdf(doc);
}

export function renderedKey(doc: OfficialDocument, format: DocumentFormat): string {
  const hash = createHash("sha256").update(JSON.stringify({ layout: LAYOUT_VERSION, format, doc })).digest("hex");
  return `rendered/${hash}.${format}`;
}

/** The file's bytes: from storage when `store` and rendered before, else rendered (and stored when `store`). */
export async function renderDocument(doc: OfficialDocument, format: DocumentFormat, options: { store: boolean }): Promise<Buffer> {
  if (!options.store) return render(doc, format);
  const key = renderedKey(doc, format);
  const running = inFlight.get(key);
  if (running) return running;
  const work = (async () => {
    const storage = getStorage();
    const stored = await storage.get(key);
    if (stored) return stored;
    const bytes = await render(doc, format);
    await storage.put(key, bytes, DOCUMENT_MIME[format]);
    return bytes;
  })().finally(() => inFlight.delete(key));
  inFlight.set(key, work);
  return work;
}
