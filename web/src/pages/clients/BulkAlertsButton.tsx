// "Cambiar alertas" for the clients picked (or all that match the filter): a dialog with each
// channel × topic to switch on, off or leave as it is, a confirmation naming how many clients it
// reaches, and the answer (how many changed of how many matched). POST /clients/bulk/alerts; shown
// to staff who may edit clients (`clients:write`).
import { useRef, useState } from "react";
import { api, ProblemError } from "../../api";
import { ALERT_KEYS, type AlertKey } from "../../api/types";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { useI18n } from "../../i18n/I18nProvider";
import { fieldMessage, problemMessage } from "../../i18n/problems";
import { can } from "../../session/permissions";
import { useSession } from "../../session/SessionProvider";
import type { ClientSelection } from "./clientFilter";
import { LEAVE_ALL, bulkAlertsBody, type AlertChoice, type AlertChoices } from "./listView";

type Step = "choose" | "confirm" | "done";
type Result = { matched: number; changed: number };
const CHOICES: AlertChoice[] = ["leave", "on", "off"];

export function BulkAlertsButton({ selection, count, onChanged }: {
  selection: ClientSelection;
  count: number | null;
  onChanged?: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<Step>("choose");
  const [choices, setChoices] = useState<AlertChoices>(LEAVE_ALL);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const [result, setResult] = useState<Result | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const { state } = useSession();
  const howMany = count === null ? t("clientsList.allMatching") : i18n.plural("clientsList.clientCount", count, {
    count: i18n.formatNumber(count),
  });

  function start() {
    setChoices(LEAVE_ALL);
    setStep("choose");
    setError("");
    setResult(null);
    setOpen(true);
  }

  function close() {
    setOpen(false);
    if (result) onChanged?.();
    window.setTimeout(() => button.current?.focus(), 0);
  }

  function next() {
    if (!Object.keys(bulkAlertsBody(choices)).length) {
      setError(t("clientsList.bulkNothingChosen"));
      return;
    }
    setError("");
    setStep("confirm");
  }

  async function apply() {
    setBusy(true);
    setError("");
    try {
      const answer = await api.post<Result>("/clients/bulk/alerts", { selection, alerts: bulkAlertsBody(choices) });
      setResult(answer);
      setStep("done");
    } catch (problem) {
      if (!(problem instanceof ProblemError)) throw problem;
      const fields = problem.errors.map((fe) => fieldMessage(fe, i18n)).join(" ");
      setError(fields || problemMessage(problem, i18n));
    } finally {
      setBusy(false);
    }
  }

  const choose = (key: AlertKey, choice: AlertChoice) => setChoices((c) => ({ ...c, [key]: choice }));

  // Only staff who may edit clients change their alerts (the API says the same).
  if (!(state.status === "authenticated" && can(state.me, "clients:write"))) return null;
  return (
    <>
      <button ref={button} type="button" className="button" onClick={start} disabled={count === 0}>
        {t("clientsList.bulkAlerts")}
      </button>
      {open ? (
        <ConfirmDialog id="bulk-alerts" tone="plain" title={t("clientsList.bulkAlertsTitle")} busy={busy}
          describedByBody={step !== "choose"}
          confirmLabel={step === "choose" ? t("clientsList.bulkNext") : step === "confirm" ? t("clientsList.bulkApply") : undefined}
          busyLabel={t("clientsList.bulkApplying")}
          cancelLabel={step === "done" ? t("clientsList.bulkClose") : t("clientsList.bulkCancel")}
          onConfirm={step === "choose" ? next : step === "confirm" ? () => { void apply(); } : undefined}
          onCancel={close}>
          {step === "choose" ? (
            <>
              <p>{t("clientsList.bulkIntro", { clients: howMany })}</p>
              {ALERT_KEYS.map((key) => (
                <fieldset key={key} className="repeat">
                  <legend>{t(`alert.${key}`)}</legend>
                  <div className="segmented">
                    {CHOICES.map((choice) => (
                      <div key={choice} className="segmented__option">
                        <input type="radio" id={`bulk-${key}-${choice}`} name={`bulk-${key}`} checked={choices[key] === choice}
                          onChange={() => choose(key, choice)} />
                        <label htmlFor={`bulk-${key}-${choice}`}>{t(`clientsList.choice.${choice}`)}</label>
                      </div>
                    ))}
                  </div>
                </fieldset>
              ))}
            </>
          ) : null}
          {step === "confirm" ? <p>{t("clientsList.bulkConfirm", { clients: howMany })}</p> : null}
          {step === "done" && result ? (
            <p role="status">{t("clientsList.bulkDone", {
              changed: i18n.formatNumber(result.changed), matched: i18n.formatNumber(result.matched),
            })}</p>
          ) : null}
          {error ? <p role="alert" className="field__error"><span aria-hidden="true">⚠ </span>{error}</p> : null}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
