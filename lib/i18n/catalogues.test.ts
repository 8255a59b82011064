import { describe, expect, it } from "vitest";

import { loadMessages } from "./load-messages";

const vi = loadMessages("vi") as unknown as Record<string, Record<string, Record<string, string>>>;
const en = loadMessages("en") as unknown as Record<string, Record<string, Record<string, string>>>;

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("message catalogues", () => {
  it("have the same keys in Vietnamese and English", () => {
    // Each side's keys once, as sets: re-listing them per key took seconds on a busy machine.
    const [viKeys, enKeys] = [new Set(keys(vi)), new Set(keys(en))];
    const missingInEn = [...viKeys].filter((k) => !enKeys.has(k));
    const missingInVi = [...enKeys].filter((k) => !viKeys.has(k));
    expect({ missingInEn, missingInVi }).toEqual({ missingInEn: [], missingInVi: [] });
  });

  it("translate every enum value the database can hold", async () => {
    const enums = await import("@/lib/generated/prisma/enums");
    for (const name of ["MatterKind", "Subject", "ConsultationStatus", "Channel", "Stance", "LegalCategory", "Role", "MembershipStatus"] as const) {
      for (const value of Object.values(enums[name])) {
        expect(vi.enums![name], `${name}.${value}`).toHaveProperty(value);
        expect(en.enums![name], `${name}.${value}`).toHaveProperty(value);
      }
    }
  });
});
