import { getTranslations } from "next-intl/server";

import { ActionForm } from "@/components/forms/action-form";
import { resendEmailConfirmationAction } from "@/lib/email-confirmation/actions";

/** On the account page: whether the email is confirmed, and the link sent again while it is not. */
export async function EmailConfirmation({ confirmed }: { confirmed: boolean }) {
  const t = await getTranslations("emailConfirm");
  if (confirmed) return <p data-testid="email-status">{t("statusConfirmed")}</p>;
  return (
    <div className="space-y-2 rounded-lg bg-amber-50 p-3">
      <p data-testid="email-status" className="font-medium">{t("statusUnconfirmed")}</p>
      <ActionForm action={resendEmailConfirmationAction} fixed={{}} fields={[]} submitLabel={t("resend")} successMessage={t("resent")} />
    </div>
  );
}
