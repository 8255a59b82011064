import { db } from "@/lib/db";

import { editSelect } from "./form-values";

/** A consultation of this commune with everything the edit form shows, or null. */
export const getConsultationForEdit = (communeId: string, id: string) =>
  db.consultation.findFirst({ where: { id, communeId }, select: editSelect });
