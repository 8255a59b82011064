// The chair's documents on a convention, in the Decree 30/2020 layout (lib/documents): the decision to
// recognise it (QĐ, Decree 61/2023 Art. 11, Mẫu 03), the written refusal with reasons (TB), the decision to
// suspend it (QĐ, Mẫu 04) and to repeal it (QĐ, Mẫu 05; Art. 12–14). Numbers come from the commune's register.
// Decisions are public: they are posted with the convention (Art. 15.1) and shown on the register.
import "server-only";

import { errorResponse } from "@/lib/api/commune-route";
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { db } from "@/lib/db";
import { documentResponse, isDocumentFormat } from "@/lib/documents/download";
import { formatPlaceDate } from "@/lib/documents/format";
import type { Block, OfficialDocument, Signature } from "@/lib/documents/model";
import { notFound } from "@/lib/errors";
import { renderDocument } from "@/lib/documents/render-cached";
import { withCommuneRecipients } from "@/lib/documents/recipients";

import { ARTICLES } from "./rules";

export type DecisionKind = "RECOGNISED" | "REFUSED" | "SUSPENDED" | "REPEALED";

/** Decree 30 (Appendix I): the chair signs his own decision; a vice-chair signs "KT. CHỦ TỊCH". */
export function chairSignature(signer: { name: string; title: string | null } | null): Signature {
  if (signer && /phó/i.test(signer.title ?? "")) return { authorityLines: ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], signerName: signer.name };
  return { authorityLines: ["CHỦ TỊCH"], signerName: signer?.name ?? "" };
}

const day = (d: Date) => formatPlaceDate("", d).replace(/^, /, "");

export function conventionDocument(input: {
  kind: DecisionKind;
  communeName: string;
  villageName: string;
  title: string;
  versionNumber: number | null;
  adoptedAt: Date | null;
  reasons: string | null;
  numberLabel: string | null;
  issuedAt: Date | null;
  signer: { name: string; title: string | null } | null;
}): OfficialDocument {
  const who = `Chủ tịch Ủy ban nhân dân xã ${input.communeName}`.toUpperCase();
  const basis: Block[] = [
    { kind: "heading", level: 1, text: `${who}` },
    { kind: "paragraph", content: ["Căn cứ Luật Tổ chức chính quyền địa phương; Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022;"] },
    { kind: "paragraph", content: ["Căn cứ Nghị định số 61/2023/NĐ-CP ngày 16 tháng 8 năm 2023 của Chính phủ về xây dựng và thực hiện hương ước, quy ước của cộng đồng dân cư;"] },
  ];
  const amended = input.versionNumber && input.versionNumber > 1 ? ` (sửa đổi, bổ sung lần ${input.versionNumber - 1})` : "";
  const recipients = ["Như Điều 3", "Ủy ban MTTQ Việt Nam xã", `Trưởng thôn ${input.villageName}`, "Ban công tác Mặt trận thôn", "Lưu: VT"];
  if (input.kind === "REFUSED") {
    return {
      issuerLines: ["Ủy ban nhân dân", `xã ${input.communeName}`],
      type: "TB",
      numberLabel: input.numberLabel,
      place: input.communeName,
      issuedAt: input.issuedAt,
      subject: `Không công nhận ${input.title}${amended}`,
      body: [
        {
          kind: "paragraph",
          content: [
            `Ủy ban nhân dân xã ${input.communeName} nhận được hồ sơ đề nghị công nhận ${input.title}${amended} của thôn ${input.villageName}${input.adoptedAt ? `, được cộng đồng dân cư thông qua ${day(input.adoptedAt)}` : ""}. Căn cứ ${ARTICLES.recognition}, Chủ tịch Ủy ban nhân dân xã không công nhận vì các lý do sau:`,
          ],
        },
        { kind: "paragraph", content: [input.reasons ?? ""] },
        { kind: "paragraph", content: [`Đề nghị Trưởng thôn ${input.villageName} phối hợp với Ban công tác Mặt trận thôn tổ chức chỉnh sửa, hoàn thiện và thông qua lại theo quy định.`] },
      ],
      recipients: [`Trưởng thôn ${input.villageName}`, "Ban công tác Mặt trận thôn", "Ủy ban MTTQ Việt Nam xã", "Lưu: VT"],
      signature: chairSignature(input.signer),
    };
  }
  const verb = { RECOGNISED: "Công nhận", SUSPENDED: "Tạm ngưng thực hiện", REPEALED: "Bãi bỏ" }[input.kind];
  const article = { RECOGNISED: ARTICLES.recognition, SUSPENDED: ARTICLES.suspension, REPEALED: ARTICLES.repeal }[input.kind];
  const recital =
    input.kind === "RECOGNISED"
      ? `Xét hồ sơ đề nghị công nhận ${input.title}${amended} của thôn ${input.villageName}${input.adoptedAt ? `, được cộng đồng dân cư thông qua ${day(input.adoptedAt)}` : ""};`
      : `Xét ${input.reasons ?? "đề nghị của công chức phụ trách"};`;
  const body: Block[] = [
    ...basis,
    { kind: "paragraph", content: [`Căn cứ ${article};`] },
    { kind: "paragraph", content: [recital] },
    { kind: "heading", level: 1, text: "QUYẾT ĐỊNH:" },
    {
      kind: "paragraph",
      content: [
        { text: "Điều 1. ", bold: true },
        input.kind === "RECOGNISED"
          ? `Công nhận ${input.title}${amended} của thôn ${input.villageName}, xã ${input.communeName} (có văn bản kèm theo).`
          : `${verb} ${input.title} của thôn ${input.villageName}, xã ${input.communeName}${input.reasons ? `. Lý do: ${input.reasons}` : ""}.`,
      ],
    },
    { kind: "paragraph", content: [{ text: "Điều 2. ", bold: true }, "Quyết định này có hiệu lực kể từ ngày ký."] },
    {
      kind: "paragraph",
      content: [
        { text: "Điều 3. ", bold: true },
        `Văn phòng Ủy ban nhân dân xã, Trưởng thôn ${input.villageName}, Ban công tác Mặt trận thôn và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.`,
      ],
    },
  ];
  return {
    issuerLines: ["Ủy ban nhân dân", `xã ${input.communeName}`],
    type: "QD",
    numberLabel: input.numberLabel,
    place: input.communeName,
    issuedAt: input.issuedAt,
    subject: `Về việc ${verb.toLowerCase()} ${input.title}${amended}`,
    body,
    recipients,
    signature: chairSignature(input.signer),
  };
}

/** The document a decision step issued, rebuilt from the records. */
export async function loadStepDocument(communeId: string, stepId: string) {
  const step = await db.conventionStep.findFirst({
    where: { id: stepId, communeId, documentId: { not: null }, kind: { in: ["RECOGNISED", "REFUSED", "SUSPENDED", "REPEALED"] } },
    select: { kind: true, note: true, documentId: true, versionId: true, convention: { select: { title: true, villageId: true } } },
  });
  if (!step) throw notFound();
  const [commune, village, issued, version] = await Promise.all([
    db.commune.findUniqueOrThrow({ where: { id: communeId }, select: { name: true, settings: true } }),
    db.village.findUniqueOrThrow({ where: { id: step.convention.villageId }, select: { name: true } }),
    db.issuedDocument.findUniqueOrThrow({ where: { id: step.documentId! }, select: { label: true, number: true, issuedAt: true, type: true } }),
    step.versionId ? db.conventionVersion.findUnique({ where: { id: step.versionId }, select: { number: true, adoptedAt: true } }) : null,
  ]);
  const note = step.note ? (JSON.parse(step.note) as { signer?: { name: string; title: string | null }; reasons?: string | null }) : {};
  const built = conventionDocument({
    kind: step.kind as DecisionKind,
    communeName: commune.name,
    villageName: village.name,
    title: step.convention.title,
    versionNumber: version?.number ?? null,
    adoptedAt: version?.adoptedAt ?? null,
    reasons: note.reasons ?? null,
    numberLabel: issued.label,
    issuedAt: issued.issuedAt,
    signer: note.signer ?? null,
  });
  const doc = withCommuneRecipients(built, commune.settings);
  return { doc, issued };
}

/** GET a decision as DOCX or PDF: public, like the register it is posted on. */
export async function handleStepDocument(slug: string, stepId: string, format: string): Promise<Response> {
  try {
    const commune = slug.length <= 60 ? await getCommuneBySlug(slug) : null;
    if (!commune || stepId.length > 40 || !isDocumentFormat(format)) throw notFound();
    const { doc, issued } = await loadStepDocument(commune.id, stepId);
    const bytes = await renderDocument(doc, format, { store: false });
    return documentResponse(bytes, format, `quyet-dinh-huong-uoc-${String(issued.number).padStart(2, "0")}-${issued.type}.${format}`, { isPublic: true });
  } catch (error) {
    return errorResponse(error, "conventions/document");
  }
}
