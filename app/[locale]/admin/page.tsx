import { getTranslations, setRequestLocale } from "next-intl/server";

import { buttonPrimary, pageTitle } from "@/components/ui/styles";
import { Link } from "@/lib/i18n/navigation";
import { listCommunesForAdmin } from "@/lib/setup/create-commune";
import { requirePlatformPage } from "@/lib/setup/page-access";

export const dynamic = "force-dynamic";

/** The platform administrator's list of communes (issue 14 §1). */
export default async function AdminPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePlatformPage(locale);
  const [communes, t] = await Promise.all([listCommunesForAdmin(), getTranslations("setup.admin")]);
  return (
    <div className="space-y-6">
      <h1 className={pageTitle}>{t("title")}</h1>
      <p>{t("intro")}</p>
      <Link href="/admin/communes/new" className={buttonPrimary}>{t("newCommune")}</Link>
      <section aria-labelledby="communes-heading" className="space-y-2">
        <h2 id="communes-heading" className="text-xl font-semibold">{t("communes", { count: communes.length })}</h2>
        {communes.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse bg-white text-left">
              <thead>
                <tr className="border-b border-stone-300">
                  <th scope="col" className="p-2">{t("name")}</th>
                  <th scope="col" className="p-2">{t("province")}</th>
                  <th scope="col" className="p-2">{t("villages")}</th>
                  <th scope="col" className="p-2">{t("officials")}</th>
                </tr>
              </thead>
              <tbody>
                {communes.map((c) => (
                  <tr key={c.id} className="border-b border-stone-200">
                    <td className="p-2"><Link href={`/admin/communes/${c.slug}`}>{c.name}</Link></td>
                    <td className="p-2">{c.province}</td>
                    <td className="p-2">{c.villages}</td>
                    <td className="p-2">{c.officials}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
