// The register as a CSV file in the columns of Mẫu 03/TCD (Decree 154/2026), for staff and leaders
// only. It holds ID numbers, so each exported entry that has one is an audited read.
import "server-only";

import { stringify } from "csv-stringify/sync";

import { errorResponse, requireRouteAccess } from "@/lib/api/commune-route";
import type { CommuneAccess } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { vnDate as dmy } from "@/lib/participation/record-vote";

import { auditIdRead, loadRegister } from "./register";
import { REGISTER_KEEPER_ROLES } from "./roles";
import { REGISTER_KIND_CODE } from "./rules";

export const REGISTER_COLUMNS = [
  "STT",
  "Ngày tiếp",
  "Họ tên, địa chỉ",
  "Số CCCD/Hộ chiếu",
  "Nội dung vụ việc",
  "Phân loại (KN/TC/KN/PA)",
  "Số người cùng nội dung",
  "Cơ quan đã giải quyết",
  "Thuộc thẩm quyền",
  "Hướng dẫn (số văn bản)",
  "Cơ quan tiếp nhận (số văn bản chuyển)",
  "Theo dõi kết quả giải quyết",
  "Ghi chú",
] as const;


export async function registerCsv(access: CommuneAccess): Promise<string> {
  const rows = await loadRegister({ communeId: access.communeId });
  const withIds = rows.filter((r) => r.idNumber).map((r) => r.id);
  if (withIds.length) await db.$transaction((tx) => auditIdRead(tx, access, withIds, "reception.register.export-id"));
  const lines = rows.map((r) => [
    r.number,
    dmy(r.visitedAt),
    `${r.visitorName}, ${r.visitorAddress}`,
    r.idNumber ?? "",
    r.summary,
    REGISTER_KIND_CODE[r.kind],
    r.peopleCount > 1 ? `${r.peopleCount}${r.representatives.length ? ` (đại diện: ${r.representatives.join(", ")})` : ""}` : "1",
    r.handledBy ?? "",
    r.competent ? "x" : "",
    r.guidedTo ?? "",
    r.acceptedBy ?? "",
    [r.followUp, r.case ? `Vụ việc #${r.case.number}` : null].filter(Boolean).join("; "),
    [r.notes, r.conclusion ? `Kết luận: ${r.conclusion}` : null, r.deadline ? `hạn ${dmy(r.deadline)}` : null].filter(Boolean).join("; "),
  ]);
  // A byte-order mark, so that Excel opens the Vietnamese text as UTF-8.
  return `\uFEFF${stringify([[...REGISTER_COLUMNS], ...lines])}`;
}

export async function handleRegisterExport(slug: string, userId: string | null): Promise<Response> {
  try {
    const { access } = await requireRouteAccess(userId, slug, REGISTER_KEEPER_ROLES);
    const csv = await registerCsv(access);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="so-tiep-cong-dan-${slug}.csv"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error, "reception/register");
  }
}
