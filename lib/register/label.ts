import type { DocumentType } from "@/lib/generated/prisma/enums";

/**
 * A register number for a page: "05/BC-UBND", or "…/BC-UBND" while the line waits for the number the
 * office's own register gives (lib/register/record-number.ts). Documents print the blank "Số:      /BC-UBND".
 */
export const shownLabel = (label: string | null, type: DocumentType | string, issuerCode = "UBND") => label ?? `…/${type}-${issuerCode}`;
