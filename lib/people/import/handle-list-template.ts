import "server-only";

import { errorResponse, requireRouteAccess } from "@/lib/api/commune-route";
import { db } from "@/lib/db";
import { routing } from "@/lib/i18n/routing";

import { PEOPLE_ROLES } from "../roles";
import { translator } from "../translate";
import { buildCsvTemplate, buildXlsxTemplate } from "./build-list-template";
import { LIST_COLUMNS } from "./list-columns";

const TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/** GET ?format=csv|xlsx&locale=vi|en: the template, with the commune's villages in the XLSX. */
export async function handleListTemplate(request: Request, slug: string, userId: string | null): Promise<Response> {
  try {
    const { commune } = await requireRouteAccess(userId, slug, PEOPLE_ROLES.importList);
    const params = new URL(request.url).searchParams;
    const format = params.get("format") === "csv" ? "csv" : "xlsx";
    const locale = routing.locales.find((l) => l === params.get("locale")) ?? routing.defaultLocale;
    let body: Uint8Array;
    if (format === "csv") body = buildCsvTemplate();
    else {
      const t = translator(locale, "people.import.template");
      const villages = await db.village.findMany({ where: { communeId: commune.id }, select: { name: true }, orderBy: { name: "asc" } });
      body = await buildXlsxTemplate(
        villages.map((v) => v.name),
        {
          describe: Object.fromEntries(LIST_COLUMNS.map((c) => [c.key, t(`columns.${c.key}`)])),
          requiredLabel: t("required"),
          optionalLabel: t("optional"),
          instructionsSheet: t("instructionsSheet"),
          listSheet: t("listSheet"),
          columnHeader: t("columnHeader"),
          requiredHeader: t("requiredHeader"),
          meaningHeader: t("meaningHeader"),
          villagesHeader: t("villagesHeader", { commune: commune.name }),
        },
      );
    }
    return new Response(Buffer.from(body), {
      headers: {
        "Content-Type": TYPES[format],
        "Content-Disposition": `attachment; filename="mau-danh-sach-ho-dan-${commune.slug}.${format}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error, "residents/template");
  }
}
