// Passkeys (WebAuthn) in the browser: the API speaks WebAuthn's JSON (binary fields as base64url)
// and navigator.credentials wants and gives ArrayBuffers. These helpers convert both ways, so the
// pages only call `createPasskey(options)` and `getPasskey(options)`; the conversions are pure and
// tested without a browser (webauthn.test.ts). No library: the format is small and fixed.

/** base64url (no padding, "-" and "_") → bytes. */
export function base64urlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, "+").replace(/_/g, "/");
  const padded = base64 + "=".repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Bytes (an ArrayBuffer or a view of one) → base64url without padding. */
export function bytesToBase64url(value: ArrayBuffer | ArrayBufferView): string {
  const bytes = value instanceof ArrayBuffer
    ? new Uint8Array(value)
    : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

interface DescriptorJSON {
  id: string;
  type: string;
  transports?: string[];
}

/** navigator.credentials.create()'s options as the API sends them (py_webauthn's JSON). */
export interface CreationOptionsJSON {
  rp: { id?: string; name: string };
  user: { id: string; name: string; displayName: string };
  challenge: string;
  pubKeyCredParams: { type: string; alg: number }[];
  timeout?: number;
  excludeCredentials?: DescriptorJSON[];
  authenticatorSelection?: AuthenticatorSelectionCriteria;
  attestation?: string;
}

/** navigator.credentials.get()'s options as the API sends them. */
export interface RequestOptionsJSON {
  challenge: string;
  timeout?: number;
  rpId?: string;
  allowCredentials?: DescriptorJSON[];
  userVerification?: string;
}

function descriptor(json: DescriptorJSON): PublicKeyCredentialDescriptor {
  return {
    id: base64urlToBytes(json.id),
    type: "public-key",
    ...(json.transports?.length ? { transports: json.transports as AuthenticatorTransport[] } : {}),
  };
}

export function creationOptionsFromJSON(json: CreationOptionsJSON): PublicKeyCredentialCreationOptions {
  return {
    rp: json.rp,
    user: { id: base64urlToBytes(json.user.id), name: json.user.name, displayName: json.user.displayName },
    challenge: base64urlToBytes(json.challenge),
    pubKeyCredParams: json.pubKeyCredParams.map((p) => ({ type: "public-key", alg: p.alg })),
    timeout: json.timeout,
    excludeCredentials: (json.excludeCredentials ?? []).map(descriptor),
    authenticatorSelection: json.authenticatorSelection,
    attestation: (json.attestation ?? "none") as AttestationConveyancePreference,
  };
}

export function requestOptionsFromJSON(json: RequestOptionsJSON): PublicKeyCredentialRequestOptions {
  return {
    challenge: base64urlToBytes(json.challenge),
    timeout: json.timeout,
    rpId: json.rpId,
    allowCredentials: (json.allowCredentials ?? []).map(descriptor),
    userVerification: (json.userVerification ?? "preferred") as UserVerificationRequirement,
  };
}

/** What the browser gives back, reduced to what the conversion reads (so tests can fake it). */
export interface CredentialLike {
  id: string;
  rawId: ArrayBuffer;
  type: string;
  authenticatorAttachment?: string | null;
  response: {
    clientDataJSON: ArrayBuffer;
    attestationObject?: ArrayBuffer;
    getTransports?: () => string[];
    authenticatorData?: ArrayBuffer;
    signature?: ArrayBuffer;
    userHandle?: ArrayBuffer | null;
  };
  getClientExtensionResults?: () => unknown;
}

/** A PublicKeyCredential of create() (attestation) or get() (assertion) as the API wants it. */
export function credentialToJSON(credential: CredentialLike): Record<string, unknown> {
  const r = credential.response;
  const response: Record<string, unknown> = { clientDataJSON: bytesToBase64url(r.clientDataJSON) };
  if (r.attestationObject) {
    response.attestationObject = bytesToBase64url(r.attestationObject);
    response.transports = r.getTransports?.() ?? [];
  } else {
    response.authenticatorData = bytesToBase64url(r.authenticatorData ?? new ArrayBuffer(0));
    response.signature = bytesToBase64url(r.signature ?? new ArrayBuffer(0));
    if (r.userHandle) response.userHandle = bytesToBase64url(r.userHandle);
  }
  return {
    id: credential.id,
    rawId: bytesToBase64url(credential.rawId),
    type: credential.type,
    authenticatorAttachment: credential.authenticatorAttachment ?? null,
    clientExtensionResults: credential.getClientExtensionResults?.() ?? {},
    response,
  };
}

/** Whether this browser can use passkeys at all (a secure context with WebAuthn). */
export function passkeysSupported(): boolean {
  return typeof window !== "undefined" && window.isSecureContext && typeof window.PublicKeyCredential === "function"
    && !!navigator.credentials;
}

/** Why a browser ceremony failed, for the message: the user closed it (or has no passkey for
 * this site), the authenticator already holds one of this account, or anything else. */
export type PasskeyFailure = "cancelled" | "exists" | "unsupported" | "failed";

export function passkeyFailure(error: unknown): PasskeyFailure {
  const name = error instanceof Error || (typeof error === "object" && error !== null && "name" in error)
    ? String((error as { name: unknown }).name) : "";
  if (name === "NotAllowedError" || name === "AbortError") return "cancelled";
  if (name === "InvalidStateError") return "exists";
  if (name === "NotSupportedError" || name === "SecurityError") return "unsupported";
  return "failed";
}

/** Ask the browser (and so the user) to create a passkey from the API's options. */
export async function createPasskey(options: CreationOptionsJSON): Promise<Record<string, unknown>> {
  const credential = await navigator.credentials.create({ publicKey: creationOptionsFromJSON(options) });
  if (!credential) throw new DOMException("No passkey was created", "NotAllowedError");
  return credentialToJSON(credential as unknown as CredentialLike);
}

/** Ask the browser (and so the user) to sign in with a passkey from the API's options. */
export async function getPasskey(options: RequestOptionsJSON): Promise<Record<string, unknown>> {
  const credential = await navigator.credentials.get({ publicKey: requestOptionsFromJSON(options) });
  if (!credential) throw new DOMException("No passkey was used", "NotAllowedError");
  return credentialToJSON(credential as unknown as CredentialLike);
}
