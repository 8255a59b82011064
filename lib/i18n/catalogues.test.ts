import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

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
    const inVi = new Set(keys(vi));
    const inEn = new Set(keys(en));
    const missingInEn = [...inVi].filter((k) => !inEn.has(k));
    const missingInVi = [...inEn].filter((k) => !inVi.has(k));
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

describe("loading catalogues split into parts", () => {
  const write = (dir: string, file: string, content: unknown) => writeFileSync(path.join(dir, file), JSON.stringify(content));

  it("merges parts at every depth, so a part adds texts inside a group of another file", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "danban-messages-"));
    mkdirSync(path.join(root, "vi"));
    write(path.join(root, "vi"), "audit.json", { title: "Nhật ký", actions: { vote_cast: "Biểu quyết" } });
    write(path.join(root, "vi"), "audit.works.json", { actions: { work_create: "Tạo công trình" } });
    expect(loadMessages("vi", root)).toEqual({ audit: { title: "Nhật ký", actions: { vote_cast: "Biểu quyết", work_create: "Tạo công trình" } } });
  });

  it("refuses a text defined twice, at any depth, naming the file and the key", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "danban-messages-"));
    mkdirSync(path.join(root, "vi"));
    write(path.join(root, "vi"), "audit.json", { actions: { vote_cast: "Biểu quyết" } });
    write(path.join(root, "vi"), "audit.votes.json", { actions: { vote_cast: "Bỏ phiếu" } });
    expect(() => loadMessages("vi", root)).toThrow(/audit\.votes\.json: "audit\.actions\.vote_cast" is already defined/);
  });
});
