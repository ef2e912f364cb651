// The client's data (seed 002, "Datos del cliente"): names, document, phones, addresses, e-mail,
// dates, categories, salesperson, the virtual assistant's alerts and a consortium's companies.
import type { ReactNode } from "react";
import { Link } from "react-router";
import { ALERT_KEYS, type ClientRecord } from "../../api/types";
import { LANGUAGE_NAMES, isLanguage } from "../../i18n/catalogue";
import { useI18n } from "../../i18n/I18nProvider";
import { codeLabel } from "./labels";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return <div className="summary-list__row"><dt>{label}</dt><dd>{children}</dd></div>;
}

export function DataTab({ client }: { client: ClientRecord }) {
  const i18n = useI18n();
  const { t } = i18n;
  const none = t("record.none");
  const person = client.kind === "person";
  return (
    <dl className="summary-list" data-testid="client-data">
      <Row label={t("field.kind")}>{t(`kind.${client.kind}`)}</Row>
      {person ? (
        <>
          <Row label={t("field.firstName")}>{client.first_name}</Row>
          <Row label={t("field.lastName")}>{client.last_name}</Row>
        </>
      ) : (
        <>
          <Row label={t("field.legalName")}>{client.legal_name}</Row>
          <Row label={t("field.tradeName")}>{client.trade_name || none}</Row>
        </>
      )}
      <Row label={t("field.taxIdShort")}>{client.tax_id} <span className="field__hint">({client.tax_id_type})</span></Row>
      <Row label={t("field.email")}>{client.email || none}</Row>
      <Row label={t("field.phones")}>
        {client.phones.length ? (
          <ul className="plain-list">
            {client.phones.map((p) => (
              <li key={p.number}>{codeLabel(i18n, "phoneLabel", p.label)}: <a href={`tel:${p.number}`}>{p.formatted}</a></li>
            ))}
          </ul>
        ) : none}
      </Row>
      <Row label={t("field.addresses")}>
        {client.addresses.length ? (
          <ul className="plain-list">
            {client.addresses.map((a, i) => (
              <li key={i}>
                {a.is_main ? <span className="pill pill--neutral">{t("addressKind.main")}</span> : null}{" "}
                {[[a.street, a.number, a.floor_door].filter(Boolean).join(" "), [a.postal_code, a.city].filter(Boolean).join(" "),
                  a.province, a.country].filter(Boolean).join(", ")}
              </li>
            ))}
          </ul>
        ) : none}
      </Row>
      <Row label={person ? t("field.birthDate") : t("field.foundedDate")}>{client.birth_date ? i18n.formatDate(client.birth_date) : none}</Row>
      <Row label={t("field.locale")}>{isLanguage(client.locale) ? LANGUAGE_NAMES[client.locale] : client.locale}</Row>
      {client.kind === "consortium" ? (
        <Row label={t("field.members")}>
          {client.members.length ? (
            <ul className="plain-list">
              {client.members.map((m) => (
                <li key={m.client_id}><Link to={`/app/clients/${encodeURIComponent(m.client_id)}`}>
                  {t("record.memberShare", { name: m.display_name, share: m.share })}</Link></li>
              ))}
            </ul>
          ) : none}
        </Row>
      ) : null}
      <Row label={t("field.categories")}>{client.categories.map((c) => c.name).join(", ") || none}</Row>
      <Row label={t("field.salesperson")}>{client.salesperson_name || t("clientForm.noSalesperson")}</Row>
      <Row label={t("field.alerts")}>
        <ul className="plain-list">
          {ALERT_KEYS.map((key) => (
            <li key={key}>
              <span className={`pill ${client.alerts[key] ? "pill--yes" : "pill--no"}`}>
                <span aria-hidden="true">{client.alerts[key] ? "✓ " : "✗ "}</span>
                {t(`alert.${key}`)}: {client.alerts[key] ? t("record.on") : t("record.off")}
              </span>
            </li>
          ))}
        </ul>
      </Row>
      <Row label={t("field.portalUser")}>{client.has_portal_user ? t("clients.portalYes") : t("clients.portalNo")}</Row>
    </dl>
  );
}
