// Pure helpers of two-factor authentication (tested without a DOM): the secret in blocks for
// typing by hand, the QR code's SVG as an image address, what a typed code is, and the text file
// of the recovery codes.
import type { Translator } from "../i18n/catalogue";

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": blocks of four, as authenticator apps show them.
 * Spaces the API never sends are dropped first; letters are upper-cased. */
export function secretBlocks(secret: string): string[] {
  const clean = secret.replace(/[\s-]/g, "").toUpperCase();
  const blocks: string[] = [];
  for (let i = 0; i < clean.length; i += 4) blocks.push(clean.slice(i, i + 4));
  return blocks;
}

export function groupSecret(secret: string): string {
  return secretBlocks(secret).join(" ");
}

/** The API's SVG document (with its namespace and viewBox) as a data: address for an <img>,
 * never inserted as markup: base64 of its UTF-8 bytes, so a non-ASCII firm name in its title survives. */
export function svgDataUri(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** Which kind of code the user is typing on the login's second step. */
export type CodeMethod = "totp" | "recovery_code";

/** What is sent for a typed code: the app's six digits without the spaces some apps show
 * ("123 456"); a recovery code trimmed (identity ignores case, dashes and spaces). */
export function cleanSecondFactorCode(typed: string): string {
  const trimmed = typed.trim();
  const digits = trimmed.replace(/[\s-]/g, "");
  return /^\d+$/.test(digits) ? digits : trimmed;
}

export const TOTP_PATTERN = /^\d{6}$/;
/** Ten letters or digits, optionally split 5-5: identity's recovery codes (`abcde-fghjk`). */
export const RECOVERY_PATTERN = /^[a-z0-9]{5}[\s-]?[a-z0-9]{5}$/i;

/** The message key of what is wrong with a typed code before asking the API, or null. Either
 * kind is accepted whichever hint is shown: someone may type a recovery code without switching. */
export function secondFactorCodeProblem(typed: string, method: CodeMethod):
  "mfa.codeRequired" | "mfa.codeShape" | "mfa.recoveryShape" | null {
  const code = cleanSecondFactorCode(typed);
  if (!code) return "mfa.codeRequired";
  if (TOTP_PATTERN.test(code) || RECOVERY_PATTERN.test(code)) return null;
  return method === "totp" ? "mfa.codeShape" : "mfa.recoveryShape";
}

/** The code of the app for confirming the set-up: six digits only. */
export function enrolmentCodeProblem(typed: string): "mfa.codeRequired" | "mfa.enrolCodeShape" | null {
  const code = cleanSecondFactorCode(typed);
  if (!code) return "mfa.codeRequired";
  return TOTP_PATTERN.test(code) ? null : "mfa.enrolCodeShape";
}

export interface RecoveryFileFacts {
  codes: string[];
  firm: string;
  username: string;
  /** When they were made, already formatted in the reader's language. */
  created: string;
}

/** The recovery codes as a plain-text file (CRLF lines, so Windows' Notepad shows them too),
 * in the reader's language: what they are, for whom, then one numbered code per line. */
export function recoveryCodesFile(facts: RecoveryFileFacts, t: Translator["t"]): string {
  const lines = [
    t("mfa.file.title", { app: t("app.name") }),
    t("mfa.file.account", { username: facts.username, firm: facts.firm }),
    t("mfa.file.created", { date: facts.created }),
    "",
    t("mfa.file.explain"),
    "",
    ...facts.codes.map((code, index) => `${String(index + 1).padStart(2, " ")}. ${code}`),
    "",
  ];
  return lines.join("\r\n");
}

/** "recovery-codes-demo-ana.txt": the firm and the user, kept to safe file-name characters. */
export function recoveryCodesFileName(firm: string, username: string): string {
  const safe = (text: string) => text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
    .toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  const parts = ["recovery-codes", safe(firm), safe(username.split("@")[0] ?? "")].filter(Boolean);
  return `${parts.join("-")}.txt`;
}
