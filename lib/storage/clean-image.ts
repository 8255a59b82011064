// Photos as residents take them carry EXIF: the phone's GPS position (often their home), the time, the
// device. An opinion photo or a notice-board photo is public, so the file we store is never the one
// uploaded: every image is decoded and re-encoded by sharp, which writes no metadata unless asked
// (https://sharp.pixelplumbing.com/api-output#keepmetadata). The orientation EXIF carried is applied to the
// pixels first, so that the photo stands the right way up without it.
//
// The original is NOT kept, not even for staff: nothing the commune does needs a photo's position or
// device, and Law 91/2025/QH15 on personal data protection asks that only the data the purpose needs
// be collected (data minimisation). The README's "Personal data" section says so too. What staff need is what the public sees.
import sharp from "sharp";

import { AppError } from "@/lib/errors";

import { inspectUpload, type InspectedUpload } from "./inspect-upload";

/** Larger than any phone's camera (a 108-megapixel sensor is 12000 × 9000), small enough to bound decoding work. */
// Tolerant decoding ("none"): phones write slightly malformed files that must still be accepted; what
// is stored is the re-encoded copy either way.
const MAX_PIXELS = 120_000_000;

/** The image re-encoded in its own format, with no metadata. */
export async function reencodeImage(data: Buffer, mimeType: string): Promise<Buffer> {
  try {
    const image = sharp(data, { limitInputPixels: MAX_PIXELS, failOn: "none" }).autoOrient();
    if (mimeType === "image/jpeg") return await image.jpeg({ quality: 88, mozjpeg: true }).toBuffer();
    if (mimeType === "image/png") return await image.png().toBuffer();
    if (mimeType === "image/webp") return await image.webp({ quality: 88 }).toBuffer();
  } catch {
    throw new AppError("uploadUnreadable", 400, {}, { file: "uploadUnreadable" });
  }
  throw new AppError("uploadUnreadable", 400, {}, { file: "uploadUnreadable" });
}

/**
 * Judges an upload by its content (inspectUpload) and, when it is an image, replaces it by its
 * re-encoded copy: the bytes returned are the ones to store, and `inspected` describes them (size and
 * hash of what is served, not of what was sent).
 */
export async function inspectAndCleanUpload(data: Buffer, allowed: readonly string[]): Promise<{ data: Buffer; inspected: InspectedUpload }> {
  const inspected = await inspectUpload(data, allowed);
  if (!inspected.mimeType.startsWith("image/")) return { data, inspected };
  const clean = await reencodeImage(data, inspected.mimeType);
  return { data: clean, inspected: await inspectUpload(clean, allowed) };
}
