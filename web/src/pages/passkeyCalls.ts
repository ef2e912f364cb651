// The API round trips around the browser's passkey ceremonies: options from the gateway, the
// browser (and the user) answer through navigator.credentials, the answer back to the gateway.
// Errors are the API's ProblemError or the browser's DOMException (see webauthn.passkeyFailure).
import { api } from "../api";
import type { LoginAnswer, Passkey, PasskeyOptions } from "../api/types";
import { createPasskey, getPasskey, type CreationOptionsJSON, type RequestOptionsJSON } from "../account/webauthn";

/** Log in with a passkey: with the user name when typed (its passkeys are asked for), otherwise
 * the browser offers the passkeys it holds for this site. The session cookie is set on success. */
export async function signInWithPasskey(tenant: string, login: string): Promise<void> {
  const { options } = await api.post<PasskeyOptions<RequestOptionsJSON>>("/auth/passkey/options",
    { tenant, login }, { quiet401: true });
  const credential = await getPasskey(options);
  await api.post<LoginAnswer>("/auth/passkey", { credential }, { quiet401: true });
}

/** The second step of a login (after the password or the e-mailed code) with a passkey. */
export async function passkeySecondStep(ticket: string): Promise<void> {
  const { options } = await api.post<PasskeyOptions<RequestOptionsJSON>>("/auth/login/mfa/passkey/options",
    { mfa_ticket: ticket }, { quiet401: true });
  const credential = await getPasskey(options);
  await api.post<LoginAnswer>("/auth/login/mfa/passkey", { mfa_ticket: ticket, credential }, { quiet401: true });
}

/** Add a passkey to the caller's account. The current password may be empty when the session
 * is fresh (the API answers 422 `reauthentication_required` on `current_password` otherwise). */
export async function addPasskey(name: string, currentPassword: string): Promise<Passkey> {
  const { options } = await api.post<PasskeyOptions<CreationOptionsJSON>>("/me/mfa/passkeys/options",
    { current_password: currentPassword });
  const credential = await createPasskey(options);
  return api.post<Passkey>("/me/mfa/passkeys", { name, credential });
}
