"use client";

// Staff post a dated update on a case — a new state or not, text or a reply template, photos of the
// work — public to the sender (and everyone, for a public case) or a staff note. What was typed stays
// after an error; success refreshes the page.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";

import { buttonPrimary, input, label } from "@/components/ui/styles";
import { moveCaseAction } from "@/lib/cases/actions";

import { useCaseSubmit } from "./use-case-submit";

type Option = { value: string; label: string };

export function CaseUpdateForm({ communeId, caseId, slug, states, templates }: { communeId: string; caseId: string; slug: string; states: Option[]; templates: Option[] }) {
  const t = useTranslations("cases");
  const router = useRouter();
  const { pending, submit, err, described, status, setMessage } = useCaseSubmit("upd");

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const text = (name: string) => String(form.get(name) ?? "");
    const done = await submit(slug, form.getAll("photos"), (photoIds) =>
      moveCaseAction({
        communeId,
        caseId,
        toState: text("toState") as never,
        templateId: text("templateId"),
        body: text("body"),
        refusalReason: text("refusalReason"),
        transferredTo: text("transferredTo"),
        isPublic: form.get("isPublic") === "on",
        acknowledges: form.get("acknowledges") === "on",
        photoIds,
      }),
    );
    if (!done) return;
    element.reset();
    setMessage({ ok: true, text: t("saved") });
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <div>
        <label htmlFor="upd-toState" className={label}>{t("toState")}</label>
        <select id="upd-toState" name="toState" className={input}>
          <option value="">{t("noStateChange")}</option>
          {states.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="upd-templateId" className={label}>{t("template")}</label>
        <select id="upd-templateId" name="templateId" className={input} {...described("templateId")}>
          <option value="">{t("noTemplate")}</option>
          {templates.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
        </select>
        {err("templateId")}
      </div>
      <div>
        <label htmlFor="upd-body" className={label}>{t("updateBody")}</label>
        <textarea id="upd-body" name="body" rows={3} maxLength={5000} className={input} {...described("body")} />
        {err("body")}
      </div>
      <div>
        <label htmlFor="upd-refusalReason" className={label}>{t("refusalReason")}</label>
        <textarea id="upd-refusalReason" name="refusalReason" rows={2} maxLength={2000} className={input} {...described("refusalReason")} />
        {err("refusalReason")}
      </div>
      <div>
        <label htmlFor="upd-transferredTo" className={label}>{t("transferredTo")}</label>
        <input id="upd-transferredTo" name="transferredTo" maxLength={300} className={input} {...described("transferredTo")} />
        {err("transferredTo")}
      </div>
      <div>
        <label htmlFor="upd-photos" className={label}>{t("photos")}</label>
        <input id="upd-photos" name="photos" type="file" accept="image/jpeg,image/png,image/webp" multiple className={input} {...described("photos")} />
        {err("photos")}
        {err("photoIds")}
      </div>
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" name="isPublic" defaultChecked className="h-5 w-5" />
        {t("updatePublic")}
      </label>
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" name="acknowledges" className="h-5 w-5" />
        {t("acknowledges")}
      </label>
      <button type="submit" className={buttonPrimary} disabled={pending}>{t("save")}</button>
      {status}
    </form>
  );
}
