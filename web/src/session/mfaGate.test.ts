import { expect, test } from "vitest";
import { TWO_FACTOR_PATH, enrolmentRedirect, isEnrolmentRequired, navigationAllowed } from "./mfaGate";

const must = { mfa_enrolment_required: true };
const free = { mfa_enrolment_required: false };

test("a user who must set up two-step verification is sent to its page from anywhere", () => {
  for (const path of ["/app", "/app/clients", "/app/clients/new", "/app/account/security", "/app/admin/audit",
    "/app/admin/security", "/app/nowhere"]) {
    expect(enrolmentRedirect(must, path)).toBe(TWO_FACTOR_PATH);
  }
});

test("…and stays on it (also with a trailing slash)", () => {
  expect(enrolmentRedirect(must, TWO_FACTOR_PATH)).toBeNull();
  expect(enrolmentRedirect(must, `${TWO_FACTOR_PATH}/`)).toBeNull();
});

test("anyone else goes where they asked", () => {
  expect(enrolmentRedirect(free, "/app/clients")).toBeNull();
  expect(enrolmentRedirect(free, TWO_FACTOR_PATH)).toBeNull();
});

test("no navigation is offered while the set-up is due", () => {
  expect(navigationAllowed(must)).toBe(false);
  expect(navigationAllowed(free)).toBe(true);
});

test("the API's 403 mfa_enrolment_required is recognised, other 403s are not", () => {
  expect(isEnrolmentRequired({ status: 403, code: "mfa_enrolment_required" })).toBe(true);
  expect(isEnrolmentRequired({ status: 403, code: "forbidden" })).toBe(false);
  expect(isEnrolmentRequired({ status: 401, code: "mfa_enrolment_required" })).toBe(false);
});
