// Consultation values for integration tests: a valid new consultation of xã Thiện Tín, and the form
// values of an existing one, as the edit form would send them.
import { getConsultationForEdit } from "@/lib/consultations/get-consultation-for-edit";
import { toFormValues } from "@/lib/consultations/form-values";
import { defaultCommentPeriod } from "@/lib/consultations/periods";
import { type ConsultationUpdateValues, type ConsultationValues, consultationSchema, consultationUpdateSchema } from "@/lib/consultations/schemas";

export const AREA = {
  type: "FeatureCollection",
  features: [
    {
      type: "Feature",
      properties: { label: "Khu tái định cư", color: "#15803d" },
      geometry: { type: "Polygon", coordinates: [[[108.7, 15.0], [108.71, 15.0], [108.71, 15.01], [108.7, 15.01], [108.7, 15.0]]] },
    },
  ],
};

export function newConsultationValues(communeId: string, overrides: Partial<ConsultationValues> = {}): ConsultationValues {
  return consultationSchema.parse({
    communeId,
    title: "Xây dựng khu tái định cư Đồng Giữa",
    summary: "Lấy ý kiến Nhân dân về vị trí và quy mô khu tái định cư.",
    matterKind: "CONSULTATION",
    legalCategory: "CONSULTATION_COMPENSATION_RESETTLEMENT",
    subject: "PROJECT",
    isCommuneWide: true,
    villageIds: [],
    allowedChannels: ["WEB", "MEETING"],
    ...defaultCommentPeriod(30),
    postingStartsAt: null,
    postingEndsAt: null,
    legalBasis: "Luật Đất đai 2024",
    responsibleOfficer: "Địa chính xã",
    sections: [{ heading: "Vị trí", body: "Phía **đông** thôn Đồng Giữa." }],
    geometry: AREA,
    showResultsLive: false,
    requiresBroadcast: false,
    onlineVoteNoticeGiven: false,
    ...overrides,
  });
}

/** What the edit form holds for a consultation, changed by `edit`, parsed as the server parses it. */
export async function editValues(
  communeId: string,
  consultationId: string,
  edit: (values: ReturnType<typeof toFormValues>) => void = () => {},
): Promise<ConsultationUpdateValues> {
  const c = await getConsultationForEdit(communeId, consultationId);
  if (!c) throw new Error(`no consultation ${consultationId}`);
  const values = structuredClone(toFormValues(c));
  edit(values);
  return consultationUpdateSchema.parse({ ...values, consultationId, expectedUpdatedAt: c.updatedAt.toISOString() });
}
