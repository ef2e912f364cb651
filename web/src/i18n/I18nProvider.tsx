// The language of the whole client: a React context with the translator and the formatters,
// remembered in localStorage, and mirrored to <html lang> so screen readers pronounce it right.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { CATALOGUES, DEFAULT_LANGUAGE, isLanguage, translator, type Language, type Translator } from "./catalogue";
import { formatDate, formatDateTime, formatMoney, formatNumber, formatRelative, formatWait } from "./format";

const STORAGE_KEY = "clientarea.language";

export interface I18n extends Translator {
  setLanguage: (language: Language) => void;
  formatDate: (value: string | null | undefined) => string;
  formatDateTime: (value: string | null | undefined) => string;
  formatMoney: (minorUnits: number, currency: string) => string;
  formatNumber: (value: number) => string;
  /** "hace 5 minutos", "ayer"; the date itself a week or more away. */
  formatRelative: (value: string | null | undefined) => string;
  /** A wait in words: 900 → "15 minutos". */
  formatWait: (seconds: number) => string;
}

const I18nContext = createContext<I18n | null>(null);

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
    const name = CATALOGUES[language]["app.name"];
    document.querySelector('meta[name="description"]')?.setAttribute("content", name);
  }, [language]);

  const value = useMemo<I18n>(() => ({
    ...translator(language),
    setLanguage,
    formatDate: (v) => formatDate(v, language),
    formatDateTime: (v) => formatDateTime(v, language),
    formatMoney: (minor, currency) => formatMoney(minor, currency, language),
    formatNumber: (v) => formatNumber(v, language),
    formatRelative: (v) => formatRelative(v, language),
    formatWait: (seconds) => formatWait(seconds, language),
  }), [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}
