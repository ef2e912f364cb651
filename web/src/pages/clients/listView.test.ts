import { describe, expect, test } from "vitest";
import { translator } from "../../i18n/catalogue";
import { EMPTY_FILTER } from "./clientFilter";
import {
  LEAVE_ALL, NOTHING_PICKED, alertText, birthdayRange, bulkAlertsBody, isPicked, listQuery, listTabFrom, pageState,
  paramsWithFilter, pickedCount, selectionFor, sortFrom, toggleOne, togglePage,
} from "./listView";

const OFF = { email_collections: false, email_renewals: false, sms_collections: false, sms_renewals: false };

describe("birthday shortcuts", () => {
  test("this week runs Monday to Sunday in the browser's calendar", () => {
    expect(birthdayRange("week", new Date(2026, 10, 25))).toEqual({ from: "2026-11-23", to: "2026-11-29" });
    // A Sunday belongs to the week that started the Monday before.
    expect(birthdayRange("week", new Date(2026, 10, 29, 23, 30))).toEqual({ from: "2026-11-23", to: "2026-11-29" });
    expect(birthdayRange("week", new Date(2026, 10, 23, 0, 5))).toEqual({ from: "2026-11-23", to: "2026-11-29" });
  });

  test("a week over the turn of the year ends in the next year, after its start", () => {
    expect(birthdayRange("week", new Date(2025, 11, 31))).toEqual({ from: "2025-12-29", to: "2026-01-04" });
    expect(birthdayRange("week", new Date(2026, 0, 2))).toEqual({ from: "2025-12-29", to: "2026-01-04" });
  });

  test("this month runs from its first to its last day, leap years too", () => {
    expect(birthdayRange("month", new Date(2026, 11, 31))).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(birthdayRange("month", new Date(2028, 1, 10))).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(birthdayRange("month", new Date(2026, 1, 10))).toEqual({ from: "2026-02-01", to: "2026-02-28" });
  });
});

describe("the URL and the API's query", () => {
  test("tab and sort come from the URL; unknown values fall back", () => {
    expect(listTabFrom(new URLSearchParams("tab=contacts"))).toBe("contacts");
    expect(listTabFrom(new URLSearchParams("tab=files"))).toBe("clients");
    expect(sortFrom(new URLSearchParams("sort=-created_at"))).toBe("-created_at");
    expect(sortFrom(new URLSearchParams("sort=tax_id"))).toBe("name");
  });

  test("the list's query has the filter, categories repeated, sort, size and cursor", () => {
    const filter = { ...EMPTY_FILTER, q: "garcía", category_ids: ["c1", "c2"], alerts: "off" as const };
    const query = new URLSearchParams(listQuery(filter, { sort: "birthday", limit: 20, cursor: "abc" }));
    expect(query.get("q")).toBe("garcía");
    expect(query.getAll("category_ids")).toEqual(["c1", "c2"]);
    expect(query.get("alerts")).toBe("off");
    expect(query.get("sort")).toBe("birthday");
    expect(query.get("limit")).toBe("20");
    expect(query.get("cursor")).toBe("abc");
    expect(listQuery(EMPTY_FILTER, { limit: 5 })).toBe("limit=5");
  });

  test("a new filter keeps the tab, sort and page size and drops the old filter", () => {
    const current = new URLSearchParams("tab=contacts&sort=-name&limit=2&q=old&category_ids=c1");
    const next = paramsWithFilter(current, { ...EMPTY_FILTER, kind: "company" });
    expect(Object.fromEntries(next)).toEqual({ tab: "contacts", sort: "-name", limit: "2", kind: "company" });
  });
});

describe("selection", () => {
  const filter = { ...EMPTY_FILTER, q: "talleres" };

  test("picked rows are sent by id with the filter; all matching is no id and the filter", () => {
    const picked = toggleOne(toggleOne(NOTHING_PICKED, "a", []), "b", []);
    expect(selectionFor(picked, filter)).toEqual({ client_ids: ["a", "b"], filter });
    expect(pickedCount(picked, 40)).toBe(2);
    expect(selectionFor({ all: true }, filter)).toEqual({ client_ids: [], filter });
    expect(pickedCount({ all: true }, 40)).toBe(40);
    expect(pickedCount({ all: true }, null)).toBeNull();
  });

  test("ticking a row twice unticks it", () => {
    expect(isPicked(toggleOne(toggleOne(NOTHING_PICKED, "a", []), "a", []), "a")).toBe(false);
  });

  test("unticking one of all matching leaves the other rows shown ticked", () => {
    const picked = toggleOne({ all: true }, "b", ["a", "b", "c"]);
    expect(picked).toEqual({ all: false, ids: new Set(["a", "c"]) });
  });

  test("the page box ticks the rows shown, keeps others picked, and unticks all when all are", () => {
    const some = toggleOne(NOTHING_PICKED, "x", []);
    const page = togglePage(some, ["a", "b"]);
    expect(selectionFor(page, filter).client_ids.sort()).toEqual(["a", "b", "x"]);
    expect(pageState(page, ["a", "b"])).toBe("all");
    expect(pageState(toggleOne(page, "a", ["a", "b"]), ["a", "b"])).toBe("some");
    expect(togglePage(page, ["a", "b"])).toEqual(NOTHING_PICKED);
    expect(pageState(NOTHING_PICKED, [])).toBe("none");
  });
});

describe("alert icons", () => {
  test("name the channels on, or say all are off", () => {
    const es = translator("es");
    expect(alertText(OFF, es)).toBe("Todas las alertas desactivadas");
    expect(alertText({ ...OFF, sms_collections: true, email_renewals: true }, es))
      .toBe("Alertas activadas: Renovaciones, por correo, Cobros, por SMS");
    expect(alertText({ ...OFF, email_collections: true }, translator("en"))).toMatch(/^Alerts on: /);
  });
});

describe("bulk alerts", () => {
  test("only the switches turned on or off are sent", () => {
    expect(bulkAlertsBody(LEAVE_ALL)).toEqual({});
    expect(bulkAlertsBody({ ...LEAVE_ALL, sms_renewals: "off", email_collections: "on" }))
      .toEqual({ email_collections: true, sms_renewals: false });
  });
});
