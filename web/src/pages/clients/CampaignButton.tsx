// "Crear campaña" for the clients picked (or all that match the filter): a dialog to write an
// e-mail, an SMS or a 30-second voice message with a live counter (SMS parts, voice seconds); crm
// creates a draft (POST /campaigns) and answers how many clients it reaches, who is skipped and a
// preview; a confirmation launches it (POST /campaigns/{id}/launch) and notification sends it.
import { useRef, useState } from "react";
import { Link } from "react-router";
import { api, ProblemError } from "../../api";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { Field } from "../../components/Field";
import { useI18n, type I18n } from "../../i18n/I18nProvider";
import type { Translator } from "../../i18n/catalogue";
import { fieldMessage, fieldName, problemMessage } from "../../i18n/problems";
import type { ClientSelection } from "./clientFilter";
import {
  CHANNELS, EMAIL_BODY_MAX, SMS_MAX_SEGMENTS, VOICE_MAX_SECONDS, measure, type Channel, type Measure,
} from "./campaignMeasure";

type Step = "compose" | "created" | "confirm" | "launched";
type Draft = { name: string; channel: Channel; subject: string; body: string };
type Detail = {
  id: string; recipient_count: number; skipped_count: number;
  skipped: { client_id: string; display_name: string; reason: "no_email" | "no_mobile" | "no_phone" | "too_long" }[];
  preview: { recipient_name: string; address: string; subject: string; body: string } | null;
};
const EMPTY: Draft = { name: "", channel: "email", subject: "", body: "" };

function errorText(field: string, code: string, message: string, i18n: Translator): string {
  const key = `campaigns.error.${field}.${code}`;
  return i18n.has(key) ? i18n.t(key) : fieldMessage({ field, code, message }, i18n);
}

/** What the live counter says of a body (characters and SMS parts, or seconds). */
function counterText(m: Measure, { t, formatNumber }: I18n): string {
  return m.channel === "sms"
    ? t("campaigns.counter.sms", { characters: formatNumber(m.sms.units), segments: m.sms.segments, max: SMS_MAX_SEGMENTS })
    : m.channel === "voice"
      ? t("campaigns.counter.voice", { seconds: m.seconds, max: VOICE_MAX_SECONDS })
      : t("campaigns.counter.email", { characters: formatNumber(m.characters), max: formatNumber(EMAIL_BODY_MAX) });
}

function Counter({ draft }: { draft: Draft }) {
  const i18n = useI18n();
  const { t } = i18n;
  const m = measure(draft.channel, draft.body);
  const text = counterText(m, i18n);
  return (
    <p id="campaign-counter" className={m.tooLong ? "field__error" : "field__hint"} aria-live="polite"
      data-testid="campaign-counter">
      {text}{m.tooLong ? ` · ${t("campaigns.counter.tooLong")}` : ""}
      {m.channel === "sms" && m.sms.encoding === "ucs2" ? ` · ${t("campaigns.counter.ucs2")}` : ""}
    </p>
  );
}

export function CampaignButton({ selection, count }: { selection: ClientSelection; count: number | null }) {
  const i18n = useI18n();
  const { t, formatNumber } = i18n;
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<Step>("compose");
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [detail, setDetail] = useState<Detail | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState("");
  const [busy, setBusy] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const howMany = count === null ? t("clientsList.allMatching") : i18n.plural("clientsList.clientCount", count, {
    count: formatNumber(count),
  });

  function start() {
    setDraft(EMPTY);
    setDetail(null);
    setErrors({});
    setProblem("");
    setStep("compose");
    setOpen(true);
  }

  function close() {
    setOpen(false);
    window.setTimeout(() => button.current?.focus(), 0);
  }

  function fail(error: unknown) {
    if (!(error instanceof ProblemError)) throw error;
    const byField: Record<string, string> = {};
    for (const fe of error.errors) {
      const field = fe.field.startsWith("filter.") || fe.field === "selection" ? "selection" : fieldName(fe);
      byField[field] ??= errorText(field, fe.code, fe.message, i18n);
    }
    setErrors(byField);
    setProblem(byField.selection ?? (error.errors.length ? "" : problemMessage(error, i18n)));
  }

  async function create() {
    setErrors({});
    setProblem("");
    // The counter already says it is too long: refuse here (crm would, with the same measure)
    // and put the counter's figures beside the field.
    const measured = measure(draft.channel, draft.body);
    if (measured.tooLong) {
      setErrors({ body: `${t("campaigns.error.body.too_long")} ${counterText(measured, i18n)}` });
      window.setTimeout(() => document.getElementById("campaign-body")?.focus(), 0);
      return;
    }
    setBusy(true);
    try {
      const body = { ...draft, subject: draft.channel === "email" ? draft.subject : "", selection };
      setDetail(await api.post<Detail>("/campaigns", body));
      setStep("created");
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  async function launch() {
    if (!detail) return;
    setBusy(true);
    setProblem("");
    try {
      await api.post(`/campaigns/${encodeURIComponent(detail.id)}/launch`, {});
      setStep("launched");
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      setProblem(problemMessage(error, i18n));
    } finally {
      setBusy(false);
    }
  }

  const set = (name: keyof Draft) => (event: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [name]: event.target.value }));
  const canLaunch = step === "created" && (detail?.recipient_count ?? 0) > 0;
  const confirm = step === "compose" ? () => { void create(); } : canLaunch ? () => setStep("confirm")
    : step === "confirm" ? () => { void launch(); } : undefined;
  const confirmLabel = step === "compose" ? t("campaigns.create") : step === "confirm" ? t("campaigns.launchNow")
    : t("campaigns.launch");

  return (
    <>
      <button ref={button} type="button" className="button" onClick={start} disabled={count === 0}>
        {t("campaigns.button")}
      </button>
      {open ? (
        <ConfirmDialog id="campaign" tone="plain" title={t("campaigns.dialogTitle")} busy={busy}
          describedByBody={step !== "compose"} confirmLabel={confirmLabel}
          busyLabel={step === "compose" ? t("campaigns.creating") : t("campaigns.launching")}
          cancelLabel={step === "launched" || step === "created" ? t("campaigns.close") : t("campaigns.cancel")}
          onConfirm={confirm} onCancel={close}>
          {step === "compose" ? (
            <div className="stack">
              <p>{t("campaigns.intro", { clients: howMany })}</p>
              <fieldset className="repeat">
                <legend>{t("campaigns.channel")}</legend>
                <div className="segmented">
                  {CHANNELS.map((channel) => (
                    <div key={channel} className="segmented__option">
                      <input type="radio" id={`campaign-channel-${channel}`} name="campaign-channel"
                        checked={draft.channel === channel} onChange={() => setDraft((d) => ({ ...d, channel }))} />
                      <label htmlFor={`campaign-channel-${channel}`}>{t(`campaigns.channel.${channel}`)}</label>
                    </div>
                  ))}
                </div>
                {errors.channel ? <p className="field__error">{errors.channel}</p> : null}
              </fieldset>
              <Field id="campaign-name" label={t("campaigns.name")} hint={t("campaigns.nameHint")} error={errors.name}
                required>
                {(props) => <input {...props} value={draft.name} maxLength={120} onChange={set("name")} />}
              </Field>
              {draft.channel === "email" ? (
                <Field id="campaign-subject" label={t("campaigns.subject")} error={errors.subject} required>
                  {(props) => <input {...props} value={draft.subject} maxLength={200} onChange={set("subject")} />}
                </Field>
              ) : null}
              <Field id="campaign-body" label={t("campaigns.body")} hint={t("campaigns.bodyHint", { placeholder: "{nombre}" })}
                error={errors.body} required>
                {(props) => (
                  <textarea {...props} rows={draft.channel === "email" ? 8 : 4} value={draft.body} onChange={set("body")}
                    aria-describedby={[props["aria-describedby"], "campaign-counter"].filter(Boolean).join(" ")} />
                )}
              </Field>
              <Counter draft={draft} />
            </div>
          ) : null}
          {step !== "compose" && detail ? <CreatedSummary detail={detail} step={step} /> : null}
          {problem ? <p role="alert" className="field__error"><span aria-hidden="true">⚠ </span>{problem}</p> : null}
        </ConfirmDialog>
      ) : null}
    </>
  );
}

function CreatedSummary({ detail, step }: { detail: Detail; step: Step }) {
  const { t, formatNumber } = useI18n();
  const counts = { recipients: formatNumber(detail.recipient_count), skipped: formatNumber(detail.skipped_count) };
  if (step === "confirm") return <p>{t("campaigns.confirmLaunch", counts)}</p>;
  if (step === "launched") {
    return (
      <p role="status">
        {t("campaigns.launched", counts)} <Link to="/app/campaigns">{t("campaigns.goToList")}</Link>
      </p>
    );
  }
  return (
    <div className="stack" data-testid="campaign-created">
      <p role="status">{t("campaigns.created", counts)}</p>
      {detail.recipient_count === 0 ? <p className="field__error">{t("campaigns.noRecipients")}</p> : null}
      {detail.preview ? (
        <section aria-labelledby="campaign-preview-title" className="card">
          <h4 id="campaign-preview-title">
            {t("campaigns.preview", { name: detail.preview.recipient_name, address: detail.preview.address })}
          </h4>
          {detail.preview.subject ? <p><strong>{detail.preview.subject}</strong></p> : null}
          <p className="news-body">{detail.preview.body}</p>
        </section>
      ) : null}
      {detail.skipped.length ? (
        <details>
          <summary>{t("campaigns.skippedTitle", counts)}</summary>
          <ul>
            {detail.skipped.map((s) => (
              <li key={s.client_id}>{s.display_name}: {t(`campaigns.reason.${s.reason}`)}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
