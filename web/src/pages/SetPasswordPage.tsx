// The page of the "access granted" and staff invitation e-mails' link: /set-password?token=…;
// the first password twice. A spent link is told by the API's field error ("ask your firm").
import { PasswordLinkForm } from "../components/PasswordLinkForm";
import { useI18n } from "../i18n/I18nProvider";

export function SetPasswordPage() {
  const { t } = useI18n();
  return (
    <PasswordLinkForm idPrefix="set-password" endpoint="/auth/set-password"
      texts={{
        title: t("setPassword.title"), intro: t("setPassword.intro"), submit: t("setPassword.submit"),
        done: (username) => t("setPassword.done", { username }), missingToken: t("setPassword.missingToken"),
      }} />
  );
}
