// /app: the customer's dashboard: name, firm and profile summary (from GET /me), then their
// policies, open cases and balance (GET /dashboard) as cards. Staff go on to the client list.
// The API degrades per section: a section it could not load is null and gets a polite notice
// while the others still show.
import { useEffect, useState, type ReactNode } from "react";
import { Navigate } from "react-router";
import { api } from "../api";
import { isStaff, type Balance, type CaseSummary, type Me, type Money, type PolicySummary } from "../api/types";
import { Notice } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import { useI18n } from "../i18n/I18nProvider";
import type { Key } from "../i18n/catalogue";
import { useSession } from "../session/SessionProvider";
import { ReviewRequestLink } from "./SupportPage"; // support: seed 003
import { codeLabel, nonZero, nothingOwed, section, type DashboardLoad, type Section } from "./dashboardView";

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

/** A fact of an item: label and value, as one row of a definition list. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A dashboard card: a region named by its heading, with its loading and unavailable states. */
function SectionCard<T>({ id, title, unavailable, data, children }: {
  id: string; title: Key; unavailable: Key; data: Section<T>; children: (value: T) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section className="card dashboard-card" aria-labelledby={`${id}-title`} aria-busy={data.state === "loading"}>
      <h2 id={`${id}-title`}>{t(title)}</h2>
      {data.state === "loading" ? <p className="loading">{t("app.loading")}</p> : null}
      {data.state === "unavailable" ? <Notice tone="info">{t(unavailable)}</Notice> : null}
      {data.state === "ready" ? children(data.value) : null}
    </section>
  );
}

function Policies({ items }: { items: PolicySummary[] }) {
  const i18n = useI18n();
  const { t, formatDate, formatMoney } = i18n;
  if (items.length === 0) return <p className="empty-state">{t("dashboard.policiesEmpty")}</p>;
  return (
    <ul className="item-list">
      {items.map((policy) => (
        <li key={policy.id} className="item-list__item">
          <h3 className="item-list__title">{policy.number}</h3>
          <dl className="summary-list summary-list--compact">
            <Fact label={t("policy.line")}>{codeLabel(i18n, "policyLine", policy.line)}</Fact>
            <Fact label={t("policy.status")}>
              <span className={`pill ${policy.status === "active" ? "pill--yes" : "pill--neutral"}`}>
                {codeLabel(i18n, "policyStatus", policy.status)}
              </span>
            </Fact>
            <Fact label={t("policy.premium")}>{formatMoney(policy.premium.minor_units, policy.premium.currency)}</Fact>
            <Fact label={t("policy.endsOn")}>{policy.ends_on ? formatDate(policy.ends_on) : t("policy.noEndDate")}</Fact>
          </dl>
        </li>
      ))}
    </ul>
  );
}

function OpenCases({ items }: { items: CaseSummary[] }) {
  const i18n = useI18n();
  const { t, formatDate, formatMoney } = i18n;
  if (items.length === 0) return <p className="empty-state">{t("dashboard.casesEmpty")}</p>;
  return (
    <ul className="item-list">
      {items.map((item) => (
        <li key={item.id} className="item-list__item">
          <h3 className="item-list__title">{item.number}</h3>
          <dl className="summary-list summary-list--compact">
            <Fact label={t("case.debtor")}>{item.debtor_name}</Fact>
            <Fact label={t("case.phase")}>{codeLabel(i18n, "casePhase", item.phase)}</Fact>
            <Fact label={t("case.amount")}>{formatMoney(item.amount.minor_units, item.amount.currency)}</Fact>
            <Fact label={t("case.openedOn")}>{formatDate(item.opened_on)}</Fact>
          </dl>
        </li>
      ))}
    </ul>
  );
}

function Amounts({ amounts, className }: { amounts: Money[]; className: string }) {
  const { formatMoney } = useI18n();
  return (
    <>
      {amounts.map((m) => (
        <span key={m.currency} className={`amount ${className}`}>{formatMoney(m.minor_units, m.currency)}</span>
      ))}
    </>
  );
}

function BalanceSummary({ balance }: { balance: Balance }) {
  const { t } = useI18n();
  if (nothingOwed(balance)) {
    return (
      <p className="balance-clear">
        <span className="balance-clear__icon" aria-hidden="true">✓</span>{t("dashboard.nothingOwed")}
      </p>
    );
  }
  const overdue = nonZero(balance.overdue);
  return (
    <dl className="summary-list balance">
      <Fact label={t("dashboard.owed")}><Amounts amounts={nonZero(balance.owed)} className="amount--big" /></Fact>
      <Fact label={t("dashboard.overdue")}>
        {overdue.length ? <Amounts amounts={overdue} className="amount--overdue" /> : t("dashboard.noneOverdue")}
      </Fact>
    </dl>
  );
}

export function HomePage() {
  const { t } = useI18n();
  const { state } = useSession();
  const [load, setLoad] = useState<DashboardLoad>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const isCustomer = state.status === "authenticated" && !isStaff(state.me);

  useEffect(() => {
    if (!isCustomer) return;
    const controller = new AbortController();
    setLoad({ status: "loading" });
    api.dashboard({ signal: controller.signal }).then(
      (data) => setLoad({ status: "ready", data }),
      (error: unknown) => {
        if (error instanceof DOMException && error.name === "AbortError") return;
        setLoad({ status: "failed" });
      },
    );
    return () => controller.abort();
  }, [isCustomer, attempt]);

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
      <div className="grid dashboard-grid">
        <SectionCard id="policies" title="dashboard.policies" unavailable="dashboard.policiesUnavailable"
          data={section(load, "policies")}>
          {(items) => <Policies items={items} />}
        </SectionCard>
        <SectionCard id="cases" title="dashboard.cases" unavailable="dashboard.casesUnavailable"
          data={section(load, "open_cases")}>
          {(items) => <><OpenCases items={items} /><ReviewRequestLink /></>}
        </SectionCard>
        <SectionCard id="balance" title="dashboard.balance" unavailable="dashboard.balanceUnavailable"
          data={section(load, "balance")}>
          {(balance) => <BalanceSummary balance={balance} />}
        </SectionCard>
      </div>
      {load.status === "failed" ? (
        <div className="retry-row">
          <p>{t("dashboard.sectionsFailed")}</p>
          <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>{t("app.retry")}</button>
        </div>
      ) : null}
    </div>
  );
}
