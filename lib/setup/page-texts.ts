import "server-only";

// The texts the set-up islands receive as props (no ICU runtime on the client): raw templates of the
// error keys they can meet, and their labels.
import { getTranslations } from "next-intl/server";

import type { ErrorTexts } from "@/components/forms/server-texts";

const ERROR_KEYS = [
  "unexpected", "invalidInput", "forbidden", "unauthenticated", "communeNotFound", "officialAccountNotFound", "officialEmailUnconfirmed", "roleAlreadyHeld", "frontAndCommittee",
  "boundaryFileEmpty", "boundaryFileTooLarge", "boundaryFileUnreadable", "boundaryFileNotGeoJson", "boundaryShapefileUnreadable", "boundaryNotPolygon", "boundaryNotDegrees", "boundaryInvalid",
  "boundaryTooDetailed", "villagesOverlap", "villageOutsideCommune", "villageNameMissing", "villageNameTwice", "setupVillagesRequired", "communeSlugInvalid", "communeSlugReserved",
  "communeSlugTaken", "setupTextRequired", "setupTextTooLong", "settingBelowFloor", "settingAboveCeiling", "settingMaxBelowMin", "settingBroadcastRequired", "databaseUnavailable", "rateLimited", "accountBlocked",
];

export async function errorTexts(): Promise<ErrorTexts> {
  const t = await getTranslations("errors");
  return Object.fromEntries(ERROR_KEYS.filter((k) => t.has(k)).map((k) => [k, t.raw(k) as string]));
}

export async function villageTexts() {
  const t = await getTranslations("setup.villages");
  const keys = ["heading", "importLabel", "importHint", "imported", "drawHeading", "drawHint", "mapLabel", "villageName", "kind", "thon", "toDanPho", "addDrawn", "nothingDrawn", "remove", "count", "none", "shapeLabel", "shapeColor", "removeShape", "selectedShape", "point", "communeLayer", "villagesLayer", "submit", "added"] as const;
  return Object.fromEntries(keys.map((k) => [k, t.raw(k) as string])) as Record<(typeof keys)[number], string>;
}
