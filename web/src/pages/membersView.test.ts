import { expect, test } from "vitest";
import { CLIENT_ROLES, type ClientMember } from "../api/types";
import { translator } from "../i18n/catalogue";
import {
  adminCount, checkInvite, emptyInvite, inviteProblems, invitePayload, isClientRole, isLastAdmin, replaceMember,
  roleHelp, roleLabel, sortMembers, statusLabel, withoutMember,
} from "./membersView";

const es = translator("es");

function person(id: string, display_name: string, client_role: string): ClientMember {
  return {
    id, display_name, email: `${id}@example.test`, client_role, status: "active", last_login_at: null,
    added_at: "2026-03-01T10:00:00+00:00", invited_by: null, invited_by_name: null,
  };
}

test("the four roles of the server, each named and explained in every language", () => {
  expect([...CLIENT_ROLES]).toEqual(["viewer", "cases", "payer", "admin"]);
  for (const language of ["es", "ca", "en", "pt"] as const) {
    const i18n = translator(language);
    const names = CLIENT_ROLES.map((role) => roleLabel(i18n, role));
    expect(new Set(names).size).toBe(4);
    for (const role of CLIENT_ROLES) expect(roleHelp(i18n, role)).not.toBe("");
  }
  expect(roleLabel(es, "viewer")).toBe("Solo consulta");
  expect(roleLabel(translator("ca"), "payer")).toBe("Consulta i pagaments");
  expect(roleLabel(es, "owner")).toBe("owner"); // a role the catalogue does not know yet: the server's code
  expect(roleHelp(es, "owner")).toBe("");
  expect(statusLabel(es, "invited")).toBe("Invitación pendiente");
  expect(isClientRole("cases")).toBe(true);
  expect(isClientRole("client")).toBe(false);
});

test("the only admin is locked; with two admins neither is", () => {
  const ana = person("a", "Ana", "admin");
  const bea = person("b", "Bea", "admin");
  const cai = person("c", "Cai", "viewer");
  expect(isLastAdmin([ana, cai], ana)).toBe(true);
  expect(isLastAdmin([ana, cai], cai)).toBe(false);
  expect(isLastAdmin([ana, bea, cai], ana)).toBe(false);
  expect(adminCount([ana, bea, cai])).toBe(2);
});

test("rows stay admins first, then by name without regard to accents or case", () => {
  const rows = sortMembers([person("1", "Óscar", "viewer"), person("2", "zoe", "admin"), person("3", "ana", "payer")], "es");
  expect(rows.map((r) => r.display_name)).toEqual(["zoe", "ana", "Óscar"]);
  const promoted = replaceMember(rows, { ...person("1", "Óscar", "admin") }, "es");
  expect(promoted.map((r) => [r.display_name, r.client_role])).toEqual([["Óscar", "admin"], ["zoe", "admin"], ["ana", "payer"]]);
  expect(withoutMember(promoted, "2").map((r) => r.id)).toEqual(["1", "3"]);
});

test("an invitation needs a name, an e-mail that looks like one and a role, all said at once", () => {
  expect(checkInvite(emptyInvite("ca"), es.t)).toEqual({
    display_name: "Escriba el nombre.", email: "Escriba el correo electrónico.", client_role: "Elija un perfil.",
  });
  expect(checkInvite({ display_name: "Pau", email: "pau@", client_role: "viewer", locale: "ca" }, es.t))
    .toEqual({ email: "La dirección de correo no es válida." });
  const values = { display_name: "  Pau Ribas ", email: " pau@example.test ", client_role: "payer" as const, locale: "ca" };
  expect(checkInvite(values, es.t)).toEqual({});
  expect(invitePayload(values)).toEqual({
    display_name: "Pau Ribas", email: "pau@example.test", client_role: "payer", locale: "ca",
  });
  expect(() => invitePayload({ ...values, client_role: "" })).toThrow();
});

test("the API's errors go beside their fields; the rest is said above the form", () => {
  const taken = {
    status: 409, code: "email_taken", detail: "A user with this e-mail already exists", retryAfter: null,
    errors: [{ field: "email", code: "taken", message: "A user with this e-mail already exists" }],
  };
  expect(inviteProblems(taken, es)).toEqual({
    fields: { email: "Ya existe un usuario con este correo electrónico." }, general: [],
  });
  const forbidden = { status: 403, code: "role_forbidden", detail: "no", retryAfter: null, errors: [] };
  expect(inviteProblems(forbidden, es)).toEqual({ fields: {}, general: ["No tiene permiso para hacer esto."] });
  const lastAdmin = { status: 409, code: "last_client_admin", detail: "", retryAfter: null, errors: [] };
  expect(inviteProblems(lastAdmin, translator("en")).general[0]).toMatch(/at least one administrator/);
});
