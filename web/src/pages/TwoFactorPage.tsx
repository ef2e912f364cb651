// /app/account/two-factor: two-step verification alone on its page. A staff member whose firm
// requires it and who has not set it up is sent here from everywhere else (session/mfaGate.ts)
// and starts straight at the set-up; anyone else can come here from the security page.
import { Link } from "react-router";
import { Notice } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import { useI18n } from "../i18n/I18nProvider";
import { useSession } from "../session/SessionProvider";
import { PasskeysSection } from "./PasskeysSection";
import { TwoFactorSection } from "./TwoFactorSection";

export function TwoFactorPage() {
  const { t } = useI18n();
  const { state } = useSession();
  if (state.status !== "authenticated") return null;
  const me = state.me;
  return (
    <div className="stack">
      <div className="page-head">
        <PageTitle id="two-factor-page-title">{t("mfa.title")}</PageTitle>
        {me.mfa_enrolment_required ? null : (
          <p className="breadcrumb"><Link to="/app/account/security">{t("mfa.backToSecurity")}</Link></p>
        )}
      </div>
      {me.mfa_enrolment_required ? (
        <Notice tone="info" title={t("mfa.requiredTitle")}>
          <p>{t("mfa.requiredText")}</p>
        </Notice>
      ) : null}
      <TwoFactorSection me={me} standalone />
      {/* A passkey satisfies the firm's rule as well as an authenticator app does. */}
      {me.mfa_enrolment_required ? <PasskeysSection me={me} forced /> : null}
    </div>
  );
}
