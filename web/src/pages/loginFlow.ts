// The login's two steps (pure state, tested without a DOM): the password (or, instead, a code
// e-mailed to the account: step "emailCode"), then, for a user with two-factor authentication,
// the code of the authenticator app, a recovery code or a passkey against the ticket the first
// answer gave. A ticket that expired, was used or met five wrong codes sends the user back to the
// password with a message.
import type { LoginAnswer } from "../api/types";
import type { CodeMethod } from "../account/twoFactor";

export type LoginStep = "password" | "code" | "emailCode";

export interface LoginFlow {
  step: LoginStep;
  /** The second step's ticket (never shown; only sent back with the code). */
  ticket: string;
  /** The methods the API offers ("totp", "recovery_code") and the one whose hint is shown. */
  methods: CodeMethod[];
  method: CodeMethod;
  /** Why the user is back at the password: the second step's ticket is no longer valid. */
  ticketExpired: boolean;
  /** The second step may also be done with one of the user's passkeys. */
  passkey: boolean;
}

export type LoginAction =
  | { type: "answered"; answer: LoginAnswer }
  | { type: "switchMethod" }
  | { type: "ticketInvalid" }
  | { type: "emailCodeSent" }
  | { type: "back" };

export const initialLoginFlow: LoginFlow = {
  step: "password", ticket: "", methods: [], method: "totp", ticketExpired: false, passkey: false,
};

const KNOWN: CodeMethod[] = ["totp", "recovery_code"];

/** "second_step" when the password was right but a code is due; "done" when the session exists. */
export function loginOutcome(answer: LoginAnswer): "done" | "second_step" {
  return answer.mfa_required && answer.mfa_ticket ? "second_step" : "done";
}

export function loginReducer(state: LoginFlow, action: LoginAction): LoginFlow {
  switch (action.type) {
    case "answered": {
      if (loginOutcome(action.answer) === "done") return { ...initialLoginFlow };
      const given = action.answer.mfa_methods ?? [];
      const offered = given.filter((m): m is CodeMethod => KNOWN.includes(m as CodeMethod));
      const passkey = given.includes("passkey");
      // A passkey alone (staff whose firm requires a second factor): no code to type.
      const methods = offered.length ? offered : passkey ? [] : KNOWN;
      return {
        step: "code", ticket: action.answer.mfa_ticket ?? "", methods,
        method: methods.includes("totp") ? "totp" : methods[0] ?? "totp", ticketExpired: false, passkey,
      };
    }
    case "switchMethod": {
      if (state.step !== "code") return state;
      const next: CodeMethod = state.method === "totp" ? "recovery_code" : "totp";
      return state.methods.includes(next) ? { ...state, method: next } : state;
    }
    case "ticketInvalid":
      return { ...initialLoginFlow, ticketExpired: true };
    case "emailCodeSent":
      return { ...initialLoginFlow, step: "emailCode" };
    case "back":
      return { ...initialLoginFlow };
  }
}

/** Whether a problem of POST /auth/login/mfa means the ticket is spent (back to the password). */
export function ticketSpent(problem: { status: number; code: string }): boolean {
  return problem.status === 401 || problem.code === "mfa_ticket_invalid";
}
