// The virtual assistant's alerts per channel and topic: four switches.
import { ALERT_KEYS, type Alerts } from "../../api/types";
import { useI18n } from "../../i18n/I18nProvider";

export function AlertsEditor({ idPrefix, alerts, onChange, legend, hint }: {
  idPrefix: string;
  alerts: Alerts;
  onChange: (alerts: Alerts) => void;
  legend: string;
  hint: string;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="repeat" aria-describedby={`${idPrefix}-alerts-hint`}>
      <legend>{legend}</legend>
      <p id={`${idPrefix}-alerts-hint`} className="field__hint">{hint}</p>
      <div className="checkbox-grid">
        {ALERT_KEYS.map((key) => (
          <div key={key} className="checkbox">
            <input type="checkbox" id={`${idPrefix}-alerts-${key}`} checked={alerts[key]}
              onChange={(e) => onChange({ ...alerts, [key]: e.target.checked })} />
            <label htmlFor={`${idPrefix}-alerts-${key}`}>{t(`alert.${key}`)}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
