// Input of commune set-up, validated with zod. Error messages are keys under "errors" (errors.setup.json).
import { z } from "zod";

/** Slugs that are routes of their own under /[locale]/: a commune may not take them. */
export const RESERVED_SLUGS = ["admin", "api", "en", "vi", "sign-in", "register", "reset-password", "confirm-email", "forbidden", "feed.xml"];

const position = z.array(z.number().finite()).min(2).max(3);
const ring = z.array(position).min(4).max(50_000);
/** A polygon or multipolygon; its validity is checked in ./boundaries.ts. */
export const areaSchema = z.union([
  z.object({ type: z.literal("Polygon"), coordinates: z.array(ring).min(1).max(500) }),
  z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(ring).min(1).max(500)).min(1).max(500) }),
]);

const text = (max: number) => z.string().trim().min(2, "setupTextRequired").max(max, "setupTextTooLong");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "setupTextTooLong")
    .nullish()
    .transform((v) => v || null);

export const villageSchema = z.object({
  name: z.string().trim().min(1, "villageNameMissing").max(100, "setupTextTooLong"),
  kind: z.enum(["THON", "TO_DAN_PHO"]),
  boundary: areaSchema,
});

export const createCommuneSchema = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "communeSlugInvalid")
    .min(2, "communeSlugInvalid")
    .max(60, "communeSlugInvalid")
    .refine((s) => !RESERVED_SLUGS.includes(s), "communeSlugReserved"),
  name: text(100),
  province: text(100),
  address: optionalText(300),
  committeeName: optionalText(200),
  frontName: optionalText(200),
  boundary: areaSchema.nullish().transform((v) => v ?? null),
  villages: z.array(villageSchema).min(1, "setupVillagesRequired").max(200),
});
export type CreateCommuneValues = z.infer<typeof createCommuneSchema>;

export const addVillagesSchema = z.object({
  communeId: z.string().min(1).max(40),
  villages: z.array(villageSchema).min(1, "setupVillagesRequired").max(200),
});

export const grantFirstMemberSchema = z.object({
  communeId: z.string().min(1).max(40),
  identifier: z.string().trim().min(3, "officialAccountNotFound").max(200),
  role: z.enum(["ADMIN", "STAFF"]),
});

/** A boundary file read by the server (./boundary-files.ts), sent as base64 from the form. */
export const readBoundaryFileSchema = z.object({
  base64: z.string().min(1, "boundaryFileEmpty").max(14_000_000, "boundaryFileTooLarge"),
  /** Checked against the villages of this commune, when it exists already. */
  communeId: z.string().max(40).nullish(),
});
