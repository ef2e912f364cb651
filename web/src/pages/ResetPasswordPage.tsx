// /reset-password?token=…, the forgotten-password e-mail's link (valid 30 minutes): the new
// password twice with the strength meter; then a link to log in with it. A spent or expired link
// says so and offers to ask for a new one.
import { Link } from "react-router";
import { PasswordLinkForm } from "../components/PasswordLinkForm";
import { useI18n } from "../i18n/I18nProvider";

export function ResetPasswordPage() {
  const { t } = useI18n();
  return (
    <PasswordLinkForm idPrefix="reset-password" endpoint="/auth/password-reset/confirm"
      texts={{
        title: t("resetPassword.title"), intro: t("resetPassword.intro"), submit: t("resetPassword.submit"),
        done: (username) => t("resetPassword.done", { username }), missingToken: t("resetPassword.missingToken"),
      }}
      askAgain={<Link to="/forgot-password">{t("resetPassword.askAgain")}</Link>}
      expiredMessage={t("resetPassword.linkExpired")} />
  );
}
