// Pure logic of the staff client list (ClientsPage): the open tab and sort order in the URL, the
// query strings of the two lists, the birthday shortcuts ("this week", "this month") in the
// browser's time zone, the selection an action is for, the words of the alert icons and the body
// of the bulk alerts change.
import { ALERT_KEYS, type AlertKey, type Alerts } from "../../api/types";
import type { Translator } from "../../i18n/catalogue";
import { filterToParams, type ClientFilter, type ClientSelection } from "./clientFilter";

export const LIST_TABS = ["clients", "contacts"] as const;
export type ListTab = (typeof LIST_TABS)[number];

export const SORTS = ["name", "-name", "created_at", "-created_at", "birthday"] as const;
export type Sort = (typeof SORTS)[number];
export const DEFAULT_SORT: Sort = "name";

/** The tab a URL names (`?tab=contacts`); the clients tab otherwise. */
export function listTabFrom(params: URLSearchParams): ListTab {
  const value = params.get("tab");
  return (LIST_TABS as readonly string[]).includes(value ?? "") ? (value as ListTab) : "clients";
}

/** The sort order a URL names (`?sort=-created_at`); by name otherwise. */
export function sortFrom(params: URLSearchParams): Sort {
  const value = params.get("sort");
  return (SORTS as readonly string[]).includes(value ?? "") ? (value as Sort) : DEFAULT_SORT;
}

/** The query string of one page of a list: the filter's parameters (categories repeated), and for
 * the clients the sort order, then the page size and cursor. */
export function listQuery(filter: ClientFilter, options: { sort?: Sort; limit: number; cursor?: string }): string {
  const params = filterToParams(filter);
  if (options.sort) params.set("sort", options.sort);
  params.set("limit", String(options.limit));
  if (options.cursor) params.set("cursor", options.cursor);
  return params.toString();
}

/** The URL after the filter changed: the new filter, keeping the tab, sort and page size. */
export function paramsWithFilter(current: URLSearchParams, filter: ClientFilter): URLSearchParams {
  return filterToParams(filter, new URLSearchParams(current));
}

// --- birthdays ------------------------------------------------------------------------------

function isoDay(day: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** The days of "this week" (Monday to Sunday, as calendars in Spain and Portugal show it) or
 * "this month" around `today`, in the browser's time zone, as YYYY-MM-DD. A week over the turn of
 * a year ends in the next one (2025-12-29 … 2026-01-04): the API reads both by day and month. */
export function birthdayRange(period: "week" | "month", today: Date): { from: string; to: string } {
  const year = today.getFullYear();
  const month = today.getMonth();
  if (period === "month") {
    return { from: isoDay(new Date(year, month, 1)), to: isoDay(new Date(year, month + 1, 0)) };
  }
  const sinceMonday = (today.getDay() + 6) % 7;
  const monday = new Date(year, month, today.getDate() - sinceMonday);
  const sunday = new Date(year, month, today.getDate() - sinceMonday + 6);
  return { from: isoDay(monday), to: isoDay(sunday) };
}

// --- selection ------------------------------------------------------------------------------

/** What is ticked: some clients by id, or every client matching the filter. */
export type Picked = { all: false; ids: ReadonlySet<string> } | { all: true };

export const NOTHING_PICKED: Picked = { all: false, ids: new Set() };

/** The selection an action is for: the ids ticked, or none and the filter (= all matching). */
export function selectionFor(picked: Picked, filter: ClientFilter): ClientSelection {
  return { client_ids: picked.all ? [] : [...picked.ids], filter };
}

/** How many clients an action would reach: those ticked, or the total matching (null if the
 * API did not say). */
export function pickedCount(picked: Picked, total: number | null): number | null {
  return picked.all ? total : picked.ids.size;
}

export function isPicked(picked: Picked, id: string): boolean {
  return picked.all || picked.ids.has(id);
}

/** Ticking or unticking one row. Unticking one while "all matching" are picked leaves the rows
 * on screen ticked except that one (the rest of the matches cannot be named one by one). */
export function toggleOne(picked: Picked, id: string, shown: readonly string[]): Picked {
  const ids = new Set(picked.all ? shown : picked.ids);
  if (picked.all || ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { all: false, ids };
}

/** The "select the page" box: ticks every row shown, or unticks all when they all are. */
export function togglePage(picked: Picked, shown: readonly string[]): Picked {
  if (pageState(picked, shown) === "all") return NOTHING_PICKED;
  return { all: false, ids: new Set([...(picked.all ? [] : picked.ids), ...shown]) };
}

/** The "select the page" box's state: all rows shown ticked, some, or none. */
export function pageState(picked: Picked, shown: readonly string[]): "all" | "some" | "none" {
  if (!shown.length) return "none";
  const ticked = shown.filter((id) => isPicked(picked, id)).length;
  return ticked === shown.length ? "all" : ticked ? "some" : "none";
}

// --- alert icons ----------------------------------------------------------------------------

/** The alerts a client has on, in the catalogue's order. */
export function alertsOn(alerts: Alerts | undefined): AlertKey[] {
  return alerts ? ALERT_KEYS.filter((key) => alerts[key]) : [];
}

/** The words of a client's alert icon: which channels are on, or that all are off. */
export function alertText(alerts: Alerts | undefined, i18n: Translator): string {
  const on = alertsOn(alerts);
  if (!on.length) return i18n.t("clientsList.alertsAllOff");
  return i18n.t("clientsList.alertsOnList", { list: on.map((key) => i18n.t(`alert.${key}`)).join(", ") });
}

// --- bulk alerts ----------------------------------------------------------------------------

export type AlertChoice = "on" | "off" | "leave";
export type AlertChoices = Record<AlertKey, AlertChoice>;

export const LEAVE_ALL: AlertChoices = {
  email_collections: "leave", email_renewals: "leave", sms_collections: "leave", sms_renewals: "leave",
};

/** The `alerts` of POST /clients/bulk/alerts: only the switches to turn on or off. */
export function bulkAlertsBody(choices: AlertChoices): Partial<Alerts> {
  const body: Partial<Alerts> = {};
  for (const key of ALERT_KEYS) {
    if (choices[key] !== "leave") body[key] = choices[key] === "on";
  }
  return body;
}
