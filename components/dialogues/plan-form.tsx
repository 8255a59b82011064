// The form staff and the Front plan a conference with. A date closer than 7 days is refused by the
// server with the article (lib/dialogues/rules.ts); what was typed stays in the form.
import { getTranslations } from "next-intl/server";

import { ActionForm } from "@/components/forms/action-form";
import { planConferenceAction } from "@/lib/dialogues/actions";

export async function PlanConferenceForm({
  communeId,
  villages,
  requests,
}: {
  communeId: string;
  villages: { id: string; name: string }[];
  requests: { id: string; subject: string }[];
}) {
  const t = await getTranslations("dialogues.staff");
  return (
    <section aria-labelledby="plan-title" className="space-y-3">
      <h2 id="plan-title" className="text-xl font-semibold">
        {t("plan")}
      </h2>
      <p>{t("planIntro")}</p>
      <ActionForm
        action={planConferenceAction}
        fixed={{ communeId }}
        resetOnSuccess
        fields={[
          { name: "title", label: t("fieldTitle"), kind: "text", maxLength: 200 },
          { name: "startsAt", label: t("fieldStartsAt"), kind: "datetime-local" },
          { name: "place", label: t("fieldPlace"), kind: "text", maxLength: 300 },
          { name: "onlineLink", label: t("fieldOnlineLink"), kind: "text", maxLength: 500 },
          { name: "topics", label: t("fieldTopics"), kind: "textarea", maxLength: 3000, rows: 4 },
          { name: "officials", label: t("fieldOfficials"), kind: "textarea", maxLength: 2000, rows: 3 },
          { name: "villageIds", label: t("fieldVillages"), kind: "checkboxes", options: villages.map((v) => ({ value: v.id, label: v.name })) },
          { name: "requestId", label: t("fieldRequest"), kind: "select", options: [{ value: "", label: t("noRequest") }, ...requests.map((r) => ({ value: r.id, label: r.subject.slice(0, 80) }))] },
        ]}
        submitLabel={t("planSubmit")}
        successMessage={t("planned")}
      />
    </section>
  );
}
