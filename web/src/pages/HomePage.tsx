// /app: the customer's dashboard (name, firm, profile summary); staff go on to the client list.
// Later issues add the customer's sections (policies, cases, invoices) as cards here.
import { Navigate } from "react-router";
import { isStaff, type Me } from "../api/types";
import { Notice } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import { useI18n } from "../i18n/I18nProvider";
import { useSession } from "../session/SessionProvider";

function ProfileSummary({ me }: { me: Me }) {
  const { t, formatDate } = useI18n();
  const client = me.client;
  if (!client) return null;
  const rows: [string, string][] = [
    [t("field.kind"), t(`kind.${client.kind}`)],
    [t("field.taxIdShort"), client.tax_id],
    [t("field.email"), client.email],
    [t("field.phone"), client.phone],
    [client.kind === "person" ? t("field.birthDate") : t("field.foundedDate"), formatDate(client.birth_date)],
    [t("dashboard.customerSince"), formatDate(client.created_at)],
    [t("dashboard.username"), me.username],
  ];
  return (
    <dl className="summary-list">
      {rows.filter(([, value]) => value).map(([label, value]) => (
        <div key={label} className="summary-list__row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function HomePage() {
  const { t } = useI18n();
  const { state } = useSession();
  if (state.status !== "authenticated") return null;
  const me = state.me;
  if (isStaff(me)) return <Navigate to="/app/clients" replace />;
  const name = me.client?.display_name || me.display_name || me.username;
  return (
    <div className="stack">
      <div className="page-head">
        <PageTitle title={t("dashboard.title")}>{t("dashboard.welcome", { name })}</PageTitle>
        <p className="lead">{t("dashboard.firmLine", { firm: me.tenant.name })}</p>
      </div>
      {me.notices.includes("client_unavailable") ? (
        <Notice tone="info">{t("dashboard.clientUnavailable")}</Notice>
      ) : null}
      <div className="grid">
        <section className="card" aria-labelledby="profile-title">
          <h2 id="profile-title">{t("dashboard.profile")}</h2>
          {me.client ? <ProfileSummary me={me} /> : (
            me.notices.includes("client_unavailable") ? null : <p>{t("dashboard.noClient")}</p>
          )}
        </section>
        <section className="card card--muted" aria-labelledby="upcoming-title">
          <h2 id="upcoming-title">{t("dashboard.upcoming")}</h2>
          <p>{t("dashboard.upcomingText")}</p>
        </section>
      </div>
    </div>
  );
}
