// /quick-access/case: the one case of a quick-access session (GET /quick-access/case): number,
// phase, status, debtor, amount and opening date, in the firm's name.
import { useEffect, useState, type ReactNode } from "react";
import { useOutletContext } from "react-router";
import { api, ProblemError } from "../api";
import type { QuickAccessOutlet } from "../components/QuickAccessLayout";
import { Notice } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import type { Key } from "../i18n/catalogue";
import { useI18n } from "../i18n/I18nProvider";
import { problemMessage } from "../i18n/problems";
import { sessionOver } from "../quickAccess/quickAccess";
import type { QuickAccessCase } from "../quickAccess/types";

type Load = { status: "loading" } | { status: "ready"; data: QuickAccessCase } | { status: "failed"; problem: ProblemError };

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function QuickAccessCasePage() {
  const i18n = useI18n();
  const { t, formatDate, formatMoney } = i18n;
  // The API's codes in words ("amicable" → "Vía amistosa"); a code the catalogue lacks shows as is.
  const codeLabel = (group: "caseKind" | "caseStatus" | "casePhase", code: string) =>
    i18n.has(`${group}.${code}`) ? t(`${group}.${code}` as Key) : code;
  const outlet = useOutletContext<QuickAccessOutlet>();
  const [load, setLoad] = useState<Load>({ status: "loading" });

  useEffect(() => {
    const controller = new AbortController();
    api.get<QuickAccessCase>("/quick-access/case", { signal: controller.signal, quiet401: true }).then(
      (data) => setLoad({ status: "ready", data }),
      (error: unknown) => {
        if (error instanceof DOMException && error.name === "AbortError") return;
        if (!(error instanceof ProblemError)) throw error;
        if (sessionOver(error)) outlet.sessionOver();
        else setLoad({ status: "failed", problem: error });
      },
    );
    return () => controller.abort();
  }, [outlet]);

  if (load.status === "loading") return <p className="loading" role="status">{t("app.loading")}</p>;
  if (load.status === "failed") {
    return (
      <div className="stack">
        <PageTitle>{t("quick.caseTitle")}</PageTitle>
        <Notice tone="error">{problemMessage(load.problem, i18n)}</Notice>
      </div>
    );
  }
  const item = load.data;
  return (
    <div className="stack">
      <div className="page-head">
        <PageTitle title={t("quick.caseTitle")}>{t("quick.caseHeading", { number: item.number })}</PageTitle>
        <p className="lead">{t("app.firm", { firm: item.tenant.name })}</p>
      </div>
      <section className="card" aria-labelledby="quick-case-title" data-testid="quick-access-case">
        <h2 id="quick-case-title">{t("quick.caseDetails")}</h2>
        <dl className="summary-list">
          <Fact label={t("quick.processNumber")}>{item.number}</Fact>
          <Fact label={t("quick.caseKind")}>{codeLabel("caseKind", item.kind)}</Fact>
          <Fact label={t("quick.caseStatus")}>
            <span className={`pill ${item.status === "open" ? "pill--yes" : "pill--neutral"}`}>
              {codeLabel("caseStatus", item.status)}
            </span>
          </Fact>
          <Fact label={t("case.phase")}>{codeLabel("casePhase", item.phase)}</Fact>
          <Fact label={t("case.debtor")}>
            {item.debtor_name}{item.debtor_tax_id ? ` (${item.debtor_tax_id.number})` : ""}
          </Fact>
          <Fact label={t("case.amount")}>{formatMoney(item.amount.minor_units, item.amount.currency)}</Fact>
          <Fact label={t("case.openedOn")}>{formatDate(item.opened_on)}</Fact>
        </dl>
      </section>
      <Notice tone="info">{t("quick.limitedText")}</Notice>
    </div>
  );
}
