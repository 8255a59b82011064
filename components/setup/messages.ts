// Set-up islands: a boundary file read in the browser, sent to readBoundaryFileAction as base64.

/** A file as base64, for readBoundaryFileAction. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
