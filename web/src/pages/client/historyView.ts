// The history tab's words, free of React. crm records each change as texts per field, as people
// read them; lists come one item per line starting with a code ("mobile: 612 34 56 78",
// "main: Calle Mayor 5…"), booleans as "on"/"off", statuses and roles as codes. Here those codes
// become the reader's language; a code the catalogue does not know is shown as it came.
import type { ChangeEntry } from "../../api/types";
import { LANGUAGE_NAMES, isLanguage, type Translator } from "../../i18n/catalogue";
import { codeLabel } from "./labels";

const LINE_CODE = /^([a-z_]+): (.*)$/;
const PREFIXES: Record<string, string> = { phones: "phoneLabel", addresses: "addressKind" };
const CODES: Record<string, string> = { role: "contactRole", status: "taskStatus", type: "fileKind" }; // type: client files

function translated(i18n: Translator, key: string, fallback: string): string {
  return i18n.has(key) ? i18n.t(key) : fallback;
}

/** The field's name for people: "phones" → "Teléfonos", "alerts.sms_renewals" → "Alertas: SMS de renovaciones". */
export function fieldLabel(field: string, i18n: Translator): string {
  return translated(i18n, `history.field.${field}`, field);
}

/** One value for people; "" is shown as an em dash by the caller. */
export function displayValue(field: string, value: string, i18n: Translator): string {
  if (!value) return "";
  if (field.startsWith("alerts.")) return translated(i18n, `history.value.${value}`, value);
  if (field === "visible_to_client") return translated(i18n, `clientFiles.visibility.${value}`, value); // client files
  if (field === "locale") return isLanguage(value) ? LANGUAGE_NAMES[value] : value;
  const codes = CODES[field];
  if (codes) return codeLabel(i18n, codes, value);
  const prefix = PREFIXES[field];
  if (!prefix) return value;
  return value.split("\n").map((line) => {
    const match = LINE_CODE.exec(line);
    return match ? `${codeLabel(i18n, prefix, match[1] ?? "")}: ${match[2]}` : line;
  }).join("\n");
}

/** The entry's title: what happened to what ("Contacto añadido: Jordi Puig"). */
export function entryTitle(entry: ChangeEntry, i18n: Translator): string {
  const key = `history.${entry.entity}.${entry.action}`;
  const what = i18n.has(key) ? i18n.t(key) : `${entry.entity} ${entry.action}`;
  return entry.entity === "client" || !entry.entity_label ? what : `${what}: ${entry.entity_label}`;
}

/** Who did it: a colleague's or the customer's name, or the platform itself. */
export function actorLabel(entry: ChangeEntry, i18n: Translator): string {
  if (entry.actor_kind === "system" || !entry.actor_name) return i18n.t("history.actor.system");
  if (entry.actor_kind === "customer") return i18n.t("history.actor.customer", { name: entry.actor_name });
  return entry.actor_name;
}
