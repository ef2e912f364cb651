import { describe, expect, test } from "vitest";
import type { RegistrationStatus } from "../api/types";
import { cleanCode, CODE_PATTERN, initialRegisterState, registerReducer, secondsUntil, stepNumber } from "./registerFlow";

const NOW = 1_000_000;
const status = (over: Partial<RegistrationStatus> = {}): RegistrationStatus => ({
  registration_id: "r-1", code_expires_in: 600, resend_after: 60, verified: false, ...over,
});

describe("registerReducer", () => {
  test("e-mail → code → password", () => {
    let state = initialRegisterState("demo");
    expect(state.step).toBe("email");
    state = registerReducer(state, { type: "started", tenant: "demo", email: "ana@correo.test", status: status(), now: NOW });
    expect(state).toMatchObject({
      step: "code", registrationId: "r-1", email: "ana@correo.test", resendAt: NOW + 60_000,
      codeExpiresAt: NOW + 600_000, codeValidFor: 600, codesSent: 1,
    });
    state = registerReducer(state, { type: "verified" });
    expect(state.step).toBe("password");
    // Verifying again (a double click) changes nothing.
    expect(registerReducer(state, { type: "verified" })).toBe(state);
  });

  test("a new code restarts both clocks; a refused one moves the wait to Retry-After", () => {
    let state = registerReducer(initialRegisterState("demo"),
      { type: "started", tenant: "demo", email: "a@b.test", status: status(), now: NOW });
    state = registerReducer(state, { type: "resent", status: status({ code_expires_in: 600, resend_after: 60 }), now: NOW + 90_000 });
    expect(state).toMatchObject({ resendAt: NOW + 150_000, codeExpiresAt: NOW + 690_000, codesSent: 2 });
    state = registerReducer(state, { type: "resendRefused", retryAfter: 42, now: NOW + 100_000 });
    expect(state.resendAt).toBe(NOW + 142_000);
  });

  test("starting again goes back to the e-mail, keeping it and the firm", () => {
    let state = registerReducer(initialRegisterState("acme"),
      { type: "started", tenant: "acme", email: "a@b.test", status: status(), now: NOW });
    state = registerReducer(state, { type: "restart" });
    expect(state).toEqual({ ...initialRegisterState("acme"), email: "a@b.test" });
  });

  test("a resent answer after leaving the code step is ignored", () => {
    const state = initialRegisterState("demo");
    expect(registerReducer(state, { type: "resent", status: status(), now: NOW })).toBe(state);
  });
});

test("countdowns round up and stop at zero", () => {
  expect(secondsUntil(NOW + 59_001, NOW)).toBe(60);
  expect(secondsUntil(NOW + 1, NOW)).toBe(1);
  expect(secondsUntil(NOW - 5_000, NOW)).toBe(0);
});

test("steps are numbered from 1", () => {
  expect(["email", "code", "password"].map((s) => stepNumber(s as "email"))).toEqual([1, 2, 3]);
});

test("a pasted code loses its spaces and dashes; six digits are expected", () => {
  expect(cleanCode(" 042 917 ")).toBe("042917");
  expect(cleanCode("042-917")).toBe("042917");
  expect(CODE_PATTERN.test("042917")).toBe(true);
  expect(CODE_PATTERN.test("42917")).toBe(false);
  expect(CODE_PATTERN.test("04291a")).toBe(false);
});
