import { describe, expect, test } from "vitest";
import {
  formatDate, formatDateTime, formatMoney, formatNumber, formatRelative, formatWait, intlLocale, parseApiDate,
} from "./format";

// Intl output uses narrow/no-break spaces in some locales: compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("dates", () => {
  test("a calendar date is the same day in every time zone", () => {
    expect(formatDate("1985-03-14", "es")).toBe("14 de marzo de 1985");
    expect(formatDate("1985-03-14", "ca")).toMatch(/^14 de març del? 1985$/);
    expect(formatDate("1985-03-14", "en")).toBe("14 March 1985");
    expect(formatDate("1985-03-14", "pt")).toBe("14 de março de 1985");
  });

  test("instants follow the zone asked for", () => {
    const value = "2026-01-31T23:30:00+00:00";
    expect(formatDate(value, "es", { timeZone: "UTC" })).toBe("31 de enero de 2026");
    expect(formatDate(value, "es", { timeZone: "Europe/Madrid" })).toBe("1 de febrero de 2026");
    expect(plain(formatDateTime(value, "en", { timeZone: "UTC" }))).toBe("31 Jan 2026, 23:30");
  });

  test("empty or unreadable values give an empty string", () => {
    expect(formatDate(null, "es")).toBe("");
    expect(formatDate("", "es")).toBe("");
    expect(formatDate("not a date", "es")).toBe("");
    expect(parseApiDate("2026-13-45")?.dateOnly ?? true).toBe(true);
  });
});

describe("money", () => {
  test("integer minor units in each language", () => {
    expect(plain(formatMoney(184000, "EUR", "es"))).toBe("1.840,00 €");
    expect(plain(formatMoney(46000, "EUR", "es"))).toBe("460,00 €");
    expect(plain(formatMoney(123456, "EUR", "es"))).toBe("1.234,56 €");
    expect(plain(formatMoney(1234567, "EUR", "es"))).toBe("12.345,67 €");
    expect(plain(formatMoney(123456, "EUR", "ca"))).toMatch(/^1\.?234,56 €$/);
    expect(plain(formatMoney(123456, "EUR", "en"))).toBe("€1,234.56");
    expect(plain(formatMoney(123456, "EUR", "pt"))).toBe("1 234,56 €");
    expect(plain(formatMoney(184000, "EUR", "en"))).toBe("€1,840.00");
  });

  test("currencies without cents are not divided by 100", () => {
    expect(plain(formatMoney(1500, "JPY", "en"))).toBe("JP¥1,500");
  });

  test("zero and amounts under one unit", () => {
    expect(plain(formatMoney(0, "EUR", "es"))).toBe("0,00 €");
    expect(plain(formatMoney(5, "EUR", "es"))).toBe("0,05 €");
  });

  test("negative amounts keep their sign", () => {
    expect(plain(formatMoney(-250, "EUR", "en"))).toBe("-€2.50");
  });
});

test("numbers and locales", () => {
  expect(intlLocale("pt")).toBe("pt-PT");
  expect(plain(formatNumber(1234567, "es"))).toBe("1.234.567");
  expect(plain(formatNumber(1234567, "en"))).toBe("1,234,567");
});

describe("waits (Retry-After)", () => {
  test("seconds up to 90, then minutes up to 90, then hours, always rounded up", () => {
    expect(formatWait(1, "es")).toBe("1 segundo");
    expect(formatWait(45, "en")).toBe("45 seconds");
    expect(formatWait(90, "es")).toBe("90 segundos");
    expect(formatWait(91, "es")).toBe("2 minutos");
    expect(formatWait(900, "es")).toBe("15 minutos");
    expect(formatWait(900, "ca")).toBe("15 minuts");
    expect(formatWait(900, "en")).toBe("15 minutes");
    expect(formatWait(900, "pt")).toBe("15 minutos");
    expect(formatWait(60 * 60, "en")).toBe("60 minutes");
    expect(formatWait(2 * 3600, "es")).toBe("2 horas");
    expect(formatWait(86_400, "ca")).toBe("24 hores");
  });

  test("nothing or less than a second still says one second", () => {
    expect(formatWait(0, "en")).toBe("1 second");
    expect(formatWait(0.2, "pt")).toBe("1 segundo");
  });
});

describe("relative instants", () => {
  const now = Date.parse("2026-03-14T12:00:00Z");
  const at = (value: string, language: "es" | "ca" | "en" | "pt" = "es") =>
    formatRelative(value, language, { now, timeZone: "UTC" });

  test("recent instants in words", () => {
    expect(at("2026-03-14T11:59:40Z")).toBe("ahora");
    expect(at("2026-03-14T11:55:00Z")).toBe("hace 5 minutos");
    expect(at("2026-03-14T11:55:00Z", "ca")).toBe("fa 5 minuts");
    expect(at("2026-03-14T11:55:00Z", "en")).toBe("5 minutes ago");
    expect(at("2026-03-14T11:55:00Z", "pt")).toBe("há 5 minutos");
    expect(at("2026-03-14T09:00:00Z")).toBe("hace 3 horas");
    expect(at("2026-03-14T11:00:20Z", "en")).toBe("1 hour ago");
    expect(at("2026-03-13T11:00:00Z")).toBe("ayer");
    expect(at("2026-03-10T12:00:00Z", "en")).toBe("4 days ago");
  });

  test("a week or more away is the date itself; unreadable is empty", () => {
    expect(at("2026-03-01T12:00:00Z")).toBe("1 de marzo de 2026");
    expect(at("not a date")).toBe("");
    expect(at("")).toBe("");
  });
});
