import { useId } from "react";
import { LANGUAGES, LANGUAGE_NAMES, isLanguage } from "../i18n/catalogue";
import { useI18n } from "../i18n/I18nProvider";

export function LanguageSwitch() {
  const { t, language, setLanguage } = useI18n();
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t("app.language")}</label>
      <select id={id} value={language} data-testid="language-switch"
        onChange={(event) => { if (isLanguage(event.target.value)) setLanguage(event.target.value); }}>
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>{LANGUAGE_NAMES[code]}</option>
        ))}
      </select>
    </div>
  );
}
