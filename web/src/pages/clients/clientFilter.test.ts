import { describe, expect, it } from "vitest";
import { EMPTY_FILTER, filterFromParams, filterToParams, isEmptyFilter } from "./clientFilter";

describe("client filter in the URL", () => {
  it("round-trips every filter, categories repeated", () => {
    const filter = {
      ...EMPTY_FILTER,
      q: "garcía",
      birthday_from: "2026-11-23",
      birthday_to: "2026-11-29",
      category_ids: ["c1", "c2"],
      lacks_policy_line: "credit",
      portal_user: "no" as const,
      alerts: "on" as const,
      kind: "company" as const,
    };
    const params = filterToParams(filter);
    expect(params.getAll("category_ids")).toEqual(["c1", "c2"]);
    expect(filterFromParams(params)).toEqual(filter);
  });

  it("drops unknown values and keeps other parameters", () => {
    const params = new URLSearchParams("alerts=maybe&kind=robot&limit=50&q=%20ana%20");
    const filter = filterFromParams(params);
    expect(filter).toEqual({ ...EMPTY_FILTER, q: "ana" });
    expect(filterToParams(filter, params).get("limit")).toBe("50");
  });

  it("knows an empty filter", () => {
    expect(isEmptyFilter(EMPTY_FILTER)).toBe(true);
    expect(isEmptyFilter({ ...EMPTY_FILTER, alerts: "off" })).toBe(false);
  });
});
