import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { Pagination } from "@/components/ui/pagination";
import { card, pageTitle } from "@/components/ui/styles";
import { getCommuneBySlug } from "@/lib/communes/get-commune";
import { env } from "@/lib/env";
import { getPathname } from "@/lib/i18n/navigation";
import { listAuditEvents } from "@/lib/oversight/list-audit";
import { getChainHead } from "@/lib/oversight/verify-chain";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "audit" });
  return { title: t("title") };
}

/** The commune's audit chain, readable by anyone: the head to note down, and every entry to check. */
export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; commune: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  const { locale, commune: slug } = await params;
  setRequestLocale(locale);
  const commune = await getCommuneBySlug(slug);
  if (!commune) notFound();
  const page = Math.min(100_000, Math.max(1, Number.parseInt((await searchParams).page ?? "1", 10) || 1));
  const [t, format, head] = await Promise.all([getTranslations("audit"), getFormatter(), getChainHead(commune.id)]);
  const list = await listAuditEvents(commune.id, page, head.events);
  const base = getPathname({ href: `/${slug}/audit`, locale });
  // Every action's label is in audit.actions (audit.json and its parts; lib/oversight/audit-labels.test.ts).
  const action = (a: string) => {
    const key = `actions.${a.replace(/\./g, "_")}`;
    return t.has(key as never) ? t(key as never) : a;
  };
  const role = (r: string | null) => (r && t.has(`roles.${r}` as never) ? t(`roles.${r}` as never) : (r ?? ""));
  return (
    <div className="space-y-6">
      <h1 className={pageTitle}>{t("title")}</h1>
      <p className="max-w-3xl">{t("intro")}</p>
      <section className={`${card} space-y-1`} aria-labelledby="head-title">
        <h2 id="head-title" className="font-semibold">
          {t("head")} · {t("events", { count: head.events })}
        </h2>
        <p className="break-all font-mono text-sm" data-testid="chain-head">
          #{head.seq ?? 0} {head.hash}
        </p>
        <p className="text-sm">{t("headApi", { url: `/api/audit/head?commune=${slug}` })}</p>
        <p className="text-sm text-stone-700">{t("verifyHint")}</p>
        <p className="text-sm text-stone-700">{t("actorHint")}</p>
        <p className="break-all font-mono text-xs text-stone-700">{t("verifyOutside", { site: env.NEXTAUTH_URL ?? "https://…", slug })}</p>
      </section>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-sm">
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="p-2">#</th>
              <th scope="col" className="p-2">{t("when")}</th>
              <th scope="col" className="p-2">{t("what")}</th>
              <th scope="col" className="p-2">{t("entity")}</th>
              <th scope="col" className="p-2">{t("role")}</th>
              <th scope="col" className="p-2">{t("actor")}</th>
              <th scope="col" className="p-2">{t("hash")}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((e) => (
              <tr key={e.seq} className="border-b border-stone-200">
                <td className="p-2 font-mono">
                  <a href={`/api/audit/events/${e.seq}?commune=${slug}`} aria-label={`${t("check")} #${e.seq}`}>
                    {e.seq}
                  </a>
                </td>
                <td className="p-2 whitespace-nowrap">{format.dateTime(new Date(e.createdAt), { dateStyle: "short", timeStyle: "medium" })}</td>
                <td className="p-2">{action(e.action)}</td>
                <td className="p-2">{e.entityType}</td>
                <td className="p-2">{role(e.actorRole)}</td>
                <td className="p-2 font-mono">{e.actor ?? ""}</td>
                <td className="p-2 font-mono" title={e.hash ?? undefined}>
                  {e.hash ? `${e.hash.slice(0, 12)}…` : t("sealing")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(p) => `${base}?page=${p}`} />
    </div>
  );
}
