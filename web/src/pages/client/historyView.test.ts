import { expect, test } from "vitest";
import type { ChangeEntry } from "../../api/types";
import { translator } from "../../i18n/catalogue";
import { actorLabel, displayValue, entryTitle, fieldLabel } from "./historyView";

const es = translator("es");
const en = translator("en");

const entry: ChangeEntry = {
  id: "h1", entity: "contact", entity_id: "k1", entity_label: "Jordi Puig", action: "updated",
  changes: [{ field: "role", old: "manager", new: "other" }], actor_id: "u1", actor_name: "Lucía Fernández",
  actor_kind: "customer", occurred_at: "2026-03-01T10:00:00+00:00",
};

test("fields and list values are shown in the reader's language", () => {
  expect(fieldLabel("phones", es)).toBe("Teléfonos");
  expect(fieldLabel("alerts.sms_renewals", en)).toBe("SMS alert: renewals");
  expect(fieldLabel("something_new", es)).toBe("something_new");
  expect(displayValue("phones", "mobile: 612 34 56 78\nother: +351 21 234 5678", es))
    .toBe("Móvil: 612 34 56 78\nOtro: +351 21 234 5678");
  expect(displayValue("addresses", "main: Calle Mayor 5, 28013 Madrid, ES", en)).toBe("Main: Calle Mayor 5, 28013 Madrid, ES");
  expect(displayValue("alerts.email_collections", "on", es)).toBe("Activada");
  expect(displayValue("role", "other", es)).toBe("Otro");
  expect(displayValue("status", "in_progress", en)).toBe("In progress");
  expect(displayValue("locale", "ca", es)).toBe("Català");
  expect(displayValue("legal_name", "Talleres: Martín S.L.", es)).toBe("Talleres: Martín S.L.");
  expect(displayValue("email", "", es)).toBe("");
});

test("an entry says what happened, to what and by whom", () => {
  expect(entryTitle(entry, es)).toBe("Contacto modificado: Jordi Puig");
  expect(entryTitle({ ...entry, entity: "client", action: "created" }, es)).toBe("Cliente dado de alta");
  expect(actorLabel(entry, es)).toBe("Lucía Fernández (cliente)");
  expect(actorLabel({ ...entry, actor_kind: "staff", actor_name: "Marta Agente" }, es)).toBe("Marta Agente");
  expect(actorLabel({ ...entry, actor_kind: "system", actor_name: "" }, en)).toBe("The platform");
});
