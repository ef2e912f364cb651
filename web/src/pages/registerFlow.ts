// The self-registration's three steps on one route (seed 003): e-mail → the six-digit code that
// was e-mailed (a validation code, not the password) → the password twice → logged in. Pure
// state and time arithmetic, tested without a DOM.
import type { RegistrationStatus } from "../api/types";

export type RegisterStep = "email" | "code" | "password";
export const REGISTER_STEPS: RegisterStep[] = ["email", "code", "password"];

export interface RegisterState {
  step: RegisterStep;
  tenant: string;
  email: string;
  registrationId: string;
  /** When a new code may be asked for, and when the current one stops working (epoch ms). */
  resendAt: number;
  codeExpiresAt: number;
  /** How long the last code was valid for when it was sent (seconds). */
  codeValidFor: number;
  /** How many codes were sent in this registration (the first one included). */
  codesSent: number;
}

export type RegisterAction =
  | { type: "started"; tenant: string; email: string; status: RegistrationStatus; now: number }
  | { type: "resent"; status: RegistrationStatus; now: number }
  | { type: "resendRefused"; retryAfter: number; now: number }
  | { type: "verified" }
  | { type: "restart" };

export function initialRegisterState(tenant: string): RegisterState {
  return { step: "email", tenant, email: "", registrationId: "", resendAt: 0, codeExpiresAt: 0, codeValidFor: 0, codesSent: 0 };
}

function timed(status: RegistrationStatus, now: number) {
  return {
    resendAt: now + status.resend_after * 1000, codeExpiresAt: now + status.code_expires_in * 1000,
    codeValidFor: status.code_expires_in,
  };
}

export function registerReducer(state: RegisterState, action: RegisterAction): RegisterState {
  switch (action.type) {
    case "started":
      return {
        ...state, ...timed(action.status, action.now), tenant: action.tenant, email: action.email,
        registrationId: action.status.registration_id, codesSent: 1,
        step: action.status.verified ? "password" : "code",
      };
    case "resent":
      if (state.step !== "code") return state;
      return { ...state, ...timed(action.status, action.now), codesSent: state.codesSent + 1 };
    case "resendRefused":
      return { ...state, resendAt: action.now + Math.max(0, action.retryAfter) * 1000 };
    case "verified":
      return state.step === "code" ? { ...state, step: "password" } : state;
    case "restart":
      // Back to the e-mail, kept for correcting it; the old registration is dropped.
      return { ...initialRegisterState(state.tenant), email: state.email };
  }
}

/** Whole seconds until an instant, never negative (a countdown). */
export function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** "1 of 3": the step's number. */
export function stepNumber(step: RegisterStep): number {
  return REGISTER_STEPS.indexOf(step) + 1;
}

/** What the user typed as the code: digits only (spaces and dashes from a copy are dropped). */
export function cleanCode(typed: string): string {
  return typed.replace(/[\s-]/g, "");
}

export const CODE_PATTERN = /^\d{6}$/;
