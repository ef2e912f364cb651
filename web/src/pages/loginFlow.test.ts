import { expect, test } from "vitest";
import { initialLoginFlow, loginOutcome, loginReducer, ticketSpent } from "./loginFlow";

const tokens = { access_token: "a.b.c", mfa_required: false, mfa_ticket: null, mfa_methods: [] };
const challenge = { access_token: null, mfa_required: true, mfa_ticket: "t-1", mfa_methods: ["totp", "recovery_code"] };

test("tokens mean logged in; mfa_required with a ticket means a second step", () => {
  expect(loginOutcome(tokens)).toBe("done");
  expect(loginOutcome({ access_token: "x" })).toBe("done");
  expect(loginOutcome(challenge)).toBe("second_step");
  expect(loginOutcome({ ...challenge, mfa_ticket: "" })).toBe("done");
});

test("the second step starts with the app's code and keeps the ticket", () => {
  const flow = loginReducer(initialLoginFlow, { type: "answered", answer: challenge });
  expect(flow).toEqual({ step: "code", ticket: "t-1", methods: ["totp", "recovery_code"], method: "totp", ticketExpired: false,
    passkey: false });
  expect(loginReducer(initialLoginFlow, { type: "answered", answer: tokens })).toEqual(initialLoginFlow);
});

test("'use a recovery code' switches the hint back and forth", () => {
  const code = loginReducer(initialLoginFlow, { type: "answered", answer: challenge });
  const recovery = loginReducer(code, { type: "switchMethod" });
  expect(recovery.method).toBe("recovery_code");
  expect(recovery.ticket).toBe("t-1");
  expect(loginReducer(recovery, { type: "switchMethod" }).method).toBe("totp");
  // Nothing to switch on the password step, nor to a method the API did not offer.
  expect(loginReducer(initialLoginFlow, { type: "switchMethod" })).toBe(initialLoginFlow);
  const onlyApp = loginReducer(initialLoginFlow, { type: "answered", answer: { ...challenge, mfa_methods: ["totp"] } });
  expect(loginReducer(onlyApp, { type: "switchMethod" }).method).toBe("totp");
});

test("unknown or missing methods fall back to both known ones", () => {
  const flow = loginReducer(initialLoginFlow, { type: "answered", answer: { ...challenge, mfa_methods: ["webauthn"] } });
  expect(flow.methods).toEqual(["totp", "recovery_code"]);
  const recoveryOnly = loginReducer(initialLoginFlow, { type: "answered", answer: { ...challenge, mfa_methods: ["recovery_code"] } });
  expect(recoveryOnly.method).toBe("recovery_code");
});

test("a spent ticket goes back to the password and says so; 'back' just goes back", () => {
  const code = loginReducer(initialLoginFlow, { type: "answered", answer: challenge });
  expect(loginReducer(code, { type: "ticketInvalid" })).toEqual({ ...initialLoginFlow, ticketExpired: true });
  expect(loginReducer(code, { type: "back" })).toEqual(initialLoginFlow);
  expect(ticketSpent({ status: 401, code: "mfa_ticket_invalid" })).toBe(true);
  expect(ticketSpent({ status: 422, code: "validation_failed" })).toBe(false);
});

test("a passkey is offered beside the codes, or alone", () => {
  const both = loginReducer(initialLoginFlow, { type: "answered",
    answer: { ...challenge, mfa_methods: ["totp", "recovery_code", "passkey"] } });
  expect(both.passkey).toBe(true);
  expect(both.methods).toEqual(["totp", "recovery_code"]);
  const alone = loginReducer(initialLoginFlow, { type: "answered", answer: { ...challenge, mfa_methods: ["passkey"] } });
  expect(alone).toMatchObject({ step: "code", passkey: true, methods: [] });
  expect(loginReducer(initialLoginFlow, { type: "answered", answer: challenge }).passkey).toBe(false);
});

test("a login by e-mailed code has its own step, and 'back' leaves it", () => {
  const sent = loginReducer(initialLoginFlow, { type: "emailCodeSent" });
  expect(sent).toEqual({ ...initialLoginFlow, step: "emailCode" });
  expect(loginReducer(sent, { type: "back" })).toEqual(initialLoginFlow);
  // A right code of a user with two-factor leads to the second step, as a right password does.
  expect(loginReducer(sent, { type: "answered", answer: challenge }).step).toBe("code");
});
