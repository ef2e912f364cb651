// A staff member of a firm that requires two-factor authentication, who has not set it up yet,
// may use nothing but the set-up page (the API answers 403 `mfa_enrolment_required` to every
// other call): where such a user is sent, and where anyone lands once it is done.
import type { Me } from "../api/types";

export const TWO_FACTOR_PATH = "/app/account/two-factor";

/** The path to send the user to instead of `pathname`, or null to let them through. */
export function enrolmentRedirect(me: Pick<Me, "mfa_enrolment_required">, pathname: string): string | null {
  if (!me.mfa_enrolment_required) return null;
  const path = pathname.replace(/\/+$/, "") || "/";
  return path === TWO_FACTOR_PATH ? null : TWO_FACTOR_PATH;
}

/** Whether the app's navigation may be offered (not while the set-up is all that is allowed). */
export function navigationAllowed(me: Pick<Me, "mfa_enrolment_required">): boolean {
  return !me.mfa_enrolment_required;
}

/** Whether an API problem says "set up two-factor authentication before anything else" (the
 * firm began requiring it while this session was open: the next token carries the limit). */
export function isEnrolmentRequired(problem: { status: number; code: string }): boolean {
  return problem.status === 403 && problem.code === "mfa_enrolment_required";
}
