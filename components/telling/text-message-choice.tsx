import { getTranslations } from "next-intl/server";

import { ActionForm } from "@/components/forms/action-form";
import { card } from "@/components/ui/styles";
import { setTextMessagesAction } from "@/lib/telling/actions";
import { getTextChoice } from "@/lib/telling/get-text-choice";

/** The account page's choice of text messages besides the inbox (issue 12 §6). */
export async function TextMessageChoice({ userId, communeId }: { userId: string; communeId: string }) {
  const [t, choice] = await Promise.all([getTranslations("telling"), getTextChoice(userId)]);
  return (
    <section aria-labelledby="texts-title" className={`${card} space-y-3`}>
      <h2 id="texts-title" className="text-xl font-bold">{t("textMessagesTitle")}</h2>
      <p>{t("textMessagesIntro")}</p>
      {choice.hasPhone ? (
        <ActionForm
          action={setTextMessagesAction}
          fixed={{ communeId }}
          fields={[{ name: "textMessages", label: t("textMessages"), kind: "checkbox", defaultChecked: choice.textMessages }]}
          submitLabel={t("save")}
          successMessage={t("saved")}
          resetOnSuccess={false}
        />
      ) : (
        <p>{t("noPhone")}</p>
      )}
    </section>
  );
}
