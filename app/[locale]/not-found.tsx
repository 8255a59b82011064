import { getTranslations } from "next-intl/server";

import { pageTitle } from "@/components/ui/styles";
import { Link } from "@/lib/i18n/navigation";

export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-3 px-4 py-8">
      <h1 className={pageTitle}>{t("notFoundTitle")}</h1>
      <p>{t("notFoundBody")}</p>
      <Link href="/">{t("home")}</Link>
    </main>
  );
}
