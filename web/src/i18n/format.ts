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

/** A wait in words, rounded up to what a person reads: up to 90 seconds in seconds, up to 90
 * minutes in minutes, then hours: formatWait(900, "es") → "15 minutos". Used with the API's
 * Retry-After. */
export function formatWait(seconds: number, language: Language): string {
  const whole = Math.max(1, Math.ceil(seconds));
  const [unit, count] = whole <= 90 ? ["second", whole] as const
    : whole <= 90 * 60 ? ["minute", Math.ceil(whole / 60)] as const
      : ["hour", Math.ceil(whole / 3600)] as const;
  return new Intl.NumberFormat(intlLocale(language), { style: "unit", unit, unitDisplay: "long" }).format(count);
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60], ["minute", 60], ["hour", 24], ["day", 7],
];

/** How long ago (or until) an instant, in words: "hace 5 minutos", "ayer", "ahora"; a week
 * or more away it is the date itself ("14 de marzo de 2026"). "" if unreadable. */
export function formatRelative(value: string | null | undefined, language: Language,
  options: FormatOptions & { now?: number } = {}): string {
  const parsed = parseApiDate(value);
  if (!parsed) return "";
  let amount = (parsed.date.getTime() - (options.now ?? Date.now())) / 1000;
  if (Math.abs(amount) < 45) amount = 0;
  const format = new Intl.RelativeTimeFormat(intlLocale(language), { numeric: "auto" });
  for (const [unit, size] of RELATIVE_STEPS) {
    const rounded = Math.round(amount);
    if (Math.abs(rounded) < size) return format.format(rounded === 0 ? 0 : rounded, unit);
    amount /= size;
  }
  return formatDate(value, language, options);
}
