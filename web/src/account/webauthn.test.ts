import { expect, test } from "vitest";
import {
  base64urlToBytes, bytesToBase64url, creationOptionsFromJSON, credentialToJSON, passkeyFailure, requestOptionsFromJSON,
  type CredentialLike,
} from "./webauthn";

const bytes = (...values: number[]) => new Uint8Array(values);
const buffer = (...values: number[]) => bytes(...values).buffer;

test("base64url round-trips any bytes without padding or +/", () => {
  expect(bytesToBase64url(bytes(0xfb, 0xff, 0xbf))).toBe("-_-_");
  expect(bytesToBase64url(bytes(1))).toBe("AQ");
  expect(bytesToBase64url(new ArrayBuffer(0))).toBe("");
  expect([...base64urlToBytes("-_-_")]).toEqual([0xfb, 0xff, 0xbf]);
  expect([...base64urlToBytes("AQ")]).toEqual([1]);
  const all = new Uint8Array(256).map((_, i) => i);
  expect([...base64urlToBytes(bytesToBase64url(all))]).toEqual([...all]);
  // A view into a larger buffer converts only its own bytes.
  expect(bytesToBase64url(new Uint8Array(buffer(9, 1, 9), 1, 1))).toBe("AQ");
});

test("creation options: the challenge, the user id and excluded ids become bytes", () => {
  const options = creationOptionsFromJSON({
    rp: { id: "portal.test", name: "Área Cliente" },
    user: { id: "dXNlci0x", name: "ana@example.test", displayName: "Ana" },
    challenge: "AQID",
    pubKeyCredParams: [{ type: "public-key", alg: -7 }, { type: "public-key", alg: -257 }],
    timeout: 120000,
    excludeCredentials: [{ id: "BAU", type: "public-key", transports: ["internal"] }],
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
    attestation: "none",
  });
  expect([...(options.challenge as Uint8Array)]).toEqual([1, 2, 3]);
  expect(new TextDecoder().decode(options.user.id as Uint8Array)).toBe("user-1");
  expect(options.user.displayName).toBe("Ana");
  expect(options.pubKeyCredParams.map((p) => p.alg)).toEqual([-7, -257]);
  expect([...(options.excludeCredentials?.[0]?.id as Uint8Array)]).toEqual([4, 5]);
  expect(options.excludeCredentials?.[0]?.transports).toEqual(["internal"]);
  expect(options.rp).toEqual({ id: "portal.test", name: "Área Cliente" });
});

test("request options: discoverable (no ids) or a user's ids, user verification as asked", () => {
  const discoverable = requestOptionsFromJSON({ challenge: "AQID", rpId: "portal.test", allowCredentials: [],
    userVerification: "required" });
  expect(discoverable.allowCredentials).toEqual([]);
  expect(discoverable.userVerification).toBe("required");
  expect(discoverable.rpId).toBe("portal.test");
  const named = requestOptionsFromJSON({ challenge: "AQID", allowCredentials: [{ id: "BAU", type: "public-key" }] });
  expect([...(named.allowCredentials?.[0]?.id as Uint8Array)]).toEqual([4, 5]);
  expect(named.allowCredentials?.[0]).not.toHaveProperty("transports");
  expect(named.userVerification).toBe("preferred");
});

test("a created passkey goes to the API with its attestation and transports", () => {
  const created: CredentialLike = {
    id: "BAU", rawId: buffer(4, 5), type: "public-key", authenticatorAttachment: "platform",
    response: { clientDataJSON: buffer(123, 125), attestationObject: buffer(0xa0), getTransports: () => ["internal", "hybrid"] },
    getClientExtensionResults: () => ({ credProps: { rk: true } }),
  };
  expect(credentialToJSON(created)).toEqual({
    id: "BAU", rawId: "BAU", type: "public-key", authenticatorAttachment: "platform",
    clientExtensionResults: { credProps: { rk: true } },
    response: { clientDataJSON: "e30", attestationObject: "oA", transports: ["internal", "hybrid"] },
  });
});

test("an assertion goes to the API with its signature and user handle (when the authenticator gave one)", () => {
  const used: CredentialLike = {
    id: "BAU", rawId: buffer(4, 5), type: "public-key",
    response: { clientDataJSON: buffer(123, 125), authenticatorData: buffer(1, 2), signature: buffer(3), userHandle: buffer(117) },
  };
  expect(credentialToJSON(used)).toEqual({
    id: "BAU", rawId: "BAU", type: "public-key", authenticatorAttachment: null, clientExtensionResults: {},
    response: { clientDataJSON: "e30", authenticatorData: "AQI", signature: "Aw", userHandle: "dQ" },
  });
  const anonymous = credentialToJSON({ ...used, response: { ...used.response, userHandle: null } });
  expect(anonymous.response).not.toHaveProperty("userHandle");
});

test("browser failures are told apart for the message", () => {
  expect(passkeyFailure(new DOMException("closed", "NotAllowedError"))).toBe("cancelled");
  expect(passkeyFailure(new DOMException("there", "InvalidStateError"))).toBe("exists");
  expect(passkeyFailure(new DOMException("ip", "SecurityError"))).toBe("unsupported");
  expect(passkeyFailure(new Error("boom"))).toBe("failed");
  expect(passkeyFailure("weird")).toBe("failed");
});
