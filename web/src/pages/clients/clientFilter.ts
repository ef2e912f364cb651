// The client list's filters, as the URL's query string and as the JSON the API takes: one shape
// for the list, saved filters, exports, bulk actions and campaigns (the gateway's ClientFilterIn).

export type Tristate = "" | "yes" | "no";

export type ClientFilter = {
  q: string;
  salesperson_id: string;
  birthday_from: string; // YYYY-MM-DD
  birthday_to: string; // YYYY-MM-DD
  category_ids: string[];
  has_policy_line: string;
  lacks_policy_line: string;
  portal_user: "" | "yes" | "no";
  alerts: "" | "on" | "off";
  kind: "" | "person" | "company" | "consortium";
};

/** The clients an action is for: those picked, or with none picked all that match the filter. */
export type ClientSelection = { client_ids: string[]; filter: ClientFilter };

export const EMPTY_FILTER: ClientFilter = {
  q: "",
  salesperson_id: "",
  birthday_from: "",
  birthday_to: "",
  category_ids: [],
  has_policy_line: "",
  lacks_policy_line: "",
  portal_user: "",
  alerts: "",
  kind: "",
};

const TEXT_KEYS = [
  "q",
  "salesperson_id",
  "birthday_from",
  "birthday_to",
  "has_policy_line",
  "lacks_policy_line",
] as const;

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | "" {
  return allowed.includes(value as T) ? (value as T) : "";
}

/** The filter a URL names (unknown values are dropped, not guessed). */
export function filterFromParams(params: URLSearchParams): ClientFilter {
  const filter: ClientFilter = { ...EMPTY_FILTER, category_ids: params.getAll("category_ids").filter(Boolean) };
  for (const key of TEXT_KEYS) filter[key] = params.get(key)?.trim() ?? "";
  filter.portal_user = oneOf(params.get("portal_user"), ["yes", "no"] as const);
  filter.alerts = oneOf(params.get("alerts"), ["on", "off"] as const);
  filter.kind = oneOf(params.get("kind"), ["person", "company", "consortium"] as const);
  return filter;
}

/** The filter as query parameters, leaving out what does not filter. */
export function filterToParams(filter: ClientFilter, params = new URLSearchParams()): URLSearchParams {
  for (const key of [...TEXT_KEYS, "portal_user", "alerts", "kind"] as const) {
    params.delete(key);
    if (filter[key]) params.set(key, filter[key]);
  }
  params.delete("category_ids");
  for (const id of filter.category_ids) params.append("category_ids", id);
  return params;
}

export function isEmptyFilter(filter: ClientFilter): boolean {
  return filterToParams(filter).toString() === "";
}
