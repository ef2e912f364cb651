// Dates, numbers and money per the chosen language, with Intl (no library). Money comes from the
// API as integer minor units plus an ISO currency (conventions.md), never as floats.
import type { Language } from "./catalogue";

const INTL_LOCALES: Record<Language, string> = {
  es: "es-ES",
  ca: "ca-ES",
  en: "en-GB",
  pt: "pt-PT",
};

/** The BCP 47 locale used for formatting in a language. */
export function intlLocale(language: Language): string {
  return INTL_LOCALES[language];
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parse an API date: "YYYY-MM-DD" is a calendar day (kept in UTC so no zone shifts it),
 * anything else an ISO instant. Returns null for empty or unreadable values. */
export function parseApiDate(value: string | null | undefined): { date: Date; dateOnly: boolean } | null {
  if (!value) return null;
  const match = DATE_ONLY.exec(value);
  if (match) {
    const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    return Number.isNaN(date.getTime()) ? null : { date, dateOnly: true };
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : { date, dateOnly: false };
}

export interface FormatOptions {
  /** IANA zone for instants; the browser's own by default. */
  timeZone?: string;
}

/** A calendar date, e.g. "14 mar 2026" (es) / "14 Mar 2026" (en); "" if unreadable. */
export function formatDate(value: string | null | undefined, language: Language,
  options: FormatOptions = {}): string {
  const parsed = parseApiDate(value);
  if (!parsed) return "";
  return new Intl.DateTimeFormat(intlLocale(language), {
    day: "numeric", month: "long", year: "numeric",
    timeZone: parsed.dateOnly ? "UTC" : options.timeZone,
  }).format(parsed.date);
}

/** A date with time for instants (created_at and such). */
export function formatDateTime(value: string | null | undefined, language: Language,
  options: FormatOptions = {}): string {
  const parsed = parseApiDate(value);
  if (!parsed) return "";
  if (parsed.dateOnly) return formatDate(value, language);
  return new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: "medium", timeStyle: "short", timeZone: options.timeZone,
  }).format(parsed.date);
}

/** Money from integer minor units: formatMoney(184000, "EUR", "es") → "1.840,00 €".
 * Amounts always group thousands (also 4-digit ones, which es/pt leave ungrouped by default),
 * as statements and invoices do, so amounts in a list line up and read alike. */
export function formatMoney(minorUnits: number, currency: string, language: Language): string {
  const format = new Intl.NumberFormat(intlLocale(language), {
    style: "currency", currency, useGrouping: "always",
  });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorUnits / 10 ** digits);
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(intlLocale(language)).format(value);
}
