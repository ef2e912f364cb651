// A client's (or contact's) phones: one row per phone with its type and number, rows added and
// removed; each row's errors beside its controls ("phones.1.number").
import { PHONE_LABELS, type PhoneIn } from "../../api/types";
import { Field } from "../../components/Field";
import { useI18n } from "../../i18n/I18nProvider";
import { controlId } from "./clientFormView";
import { codeLabel } from "./labels";

export function PhonesEditor({ idPrefix, phones, errors, onChange, legend }: {
  idPrefix: string;
  phones: PhoneIn[];
  errors: Record<string, string>;
  onChange: (phones: PhoneIn[]) => void;
  legend?: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const set = (index: number, change: Partial<PhoneIn>) =>
    onChange(phones.map((p, i) => (i === index ? { ...p, ...change } : p)));
  const listError = errors.phones;
  return (
    <fieldset className="repeat" aria-describedby={listError ? `${idPrefix}-phones-error` : undefined}>
      <legend>{legend ?? t("field.phones")}</legend>
      <p className="field__hint">{t("clientForm.phoneHint")}</p>
      {listError ? <p id={`${idPrefix}-phones-error`} className="field__error">{listError}</p> : null}
      {phones.map((phone, index) => {
        const n = index + 1;
        return (
          <div key={index} className="repeat__row" role="group" aria-label={t("clientForm.phone", { n })}>
            <Field id={controlId(`phones.${index}.label`, idPrefix)} label={`${t("field.phoneLabel")} (${n})`}
              error={errors[`phones.${index}.label`]}>
              {(props) => (
                <select {...props} value={phone.label} onChange={(e) => set(index, { label: e.target.value })}>
                  {PHONE_LABELS.map((label) => <option key={label} value={label}>{codeLabel(i18n, "phoneLabel", label)}</option>)}
                </select>
              )}
            </Field>
            <Field id={controlId(`phones.${index}.number`, idPrefix)} label={`${t("field.phoneNumber")} (${n})`}
              error={errors[`phones.${index}.number`]}>
              {(props) => (
                <input {...props} type="tel" inputMode="tel" autoComplete="off" value={phone.number}
                  onChange={(e) => set(index, { number: e.target.value })} />
              )}
            </Field>
            <button type="button" className="button button--small button--ghost-dark repeat__remove"
              aria-label={t("clientForm.removePhone", { n })}
              onClick={() => onChange(phones.filter((_, i) => i !== index))}>✕</button>
          </div>
        );
      })}
      <button type="button" className="button button--small"
        onClick={() => onChange([...phones, { label: phones.length ? "work" : "mobile", number: "" }])}>
        <span className="button__icon" aria-hidden="true">+</span>{t("clientForm.addPhone")}
      </button>
    </fieldset>
  );
}
