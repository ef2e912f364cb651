// Words for the API's codes (phone labels, contact roles, task statuses...): `<prefix>.<code>` in
// the catalogue, with "other" stored as "otherKind" (a key ending in ".other" is a plural form
// there). A code the catalogue does not know yet is shown as it came.
import type { Translator } from "../../i18n/catalogue";

export function codeKey(prefix: string, code: string): string {
  return `${prefix}.${code === "other" ? "otherKind" : code}`;
}

export function codeLabel(i18n: Translator, prefix: string, code: string): string {
  const key = codeKey(prefix, code);
  return i18n.has(key) ? i18n.t(key) : code;
}
