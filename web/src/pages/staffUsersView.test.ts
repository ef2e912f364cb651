import { expect, test } from "vitest";
import { toProblem } from "../api/client";
import type { StaffUser } from "../api/types";
import { translator } from "../i18n/catalogue";
import {
  EMPTY_INVITE, checkInvite, choiceOf, chosenRoles, filtersActive, inviteProblems, invitePayload, matchesFilters,
  replaceUser, roleLabel, rolesChanged, rolesText, staffFiltersFrom, statusChange, statusLabel, statusTone,
} from "./staffUsersView";

const es = translator("es");

function user(overrides: Partial<StaffUser> = {}): StaffUser {
  return {
    id: "u1", username: "jose@demo.test", email: "jose@demo.test", display_name: "José Pérez",
    roles: ["agent"], status: "active", mfa_enabled: false, ...overrides,
  };
}

test("the role boxes become the API's list, in its order, whatever was ticked first", () => {
  expect(chosenRoles({ admin: false, agent: false, salesperson: false })).toEqual([]);
  expect(chosenRoles({ salesperson: true, admin: true, agent: false })).toEqual(["admin", "salesperson"]);
  expect(choiceOf(["salesperson", "admin"])).toEqual({ admin: true, agent: false, salesperson: true });
  expect(choiceOf(["client", "quick-access"])).toEqual({ admin: false, agent: false, salesperson: false });
});

test("a change of roles is one only when the set differs", () => {
  const current = user({ roles: ["salesperson", "agent"] });
  expect(rolesChanged(current, { admin: false, agent: true, salesperson: true })).toBe(false);
  expect(rolesChanged(current, { admin: true, agent: true, salesperson: true })).toBe(true);
  expect(rolesChanged(current, { admin: false, agent: true, salesperson: false })).toBe(true);
});

test("roles and statuses have words in every language; unknown codes show as they come", () => {
  for (const language of ["es", "ca", "en", "pt"] as const) {
    const i18n = translator(language);
    for (const role of ["admin", "agent", "salesperson"]) {
      expect(i18n.has(`staffRole.${role}`)).toBe(true);
      expect(i18n.has(`staffRoleHelp.${role}`)).toBe(true);
    }
    for (const status of ["active", "disabled"]) expect(i18n.has(`staffStatus.${status}`)).toBe(true);
  }
  expect(roleLabel(es, "agent")).toBe("Agente");
  expect(roleLabel(es, "auditor")).toBe("auditor");
  expect(statusLabel(es, "disabled")).toBe("Desactivado");
  expect(statusLabel(es, "closed")).toBe("closed");
});

test("the roles are listed in the API's order, as the language joins them", () => {
  expect(rolesText(es, ["salesperson", "admin"])).toBe("Administrador/a y Comercial");
  expect(rolesText(translator("en"), ["agent", "admin", "salesperson"])).toBe("Administrator, Agent and Salesperson");
  expect(rolesText(translator("ca"), ["agent"])).toBe("Agent");
  expect(rolesText(es, ["agent", "auditor"])).toBe("Agente y auditor");
});

test("statuses carry a tone besides their words, and the row's button turns one into the other", () => {
  expect(statusTone("active")).toBe("yes");
  expect(statusTone("disabled")).toBe("no");
  expect(statusTone("closed")).toBe("neutral");
  expect(statusChange(user({ status: "active" }))).toEqual({ status: "disabled" });
  expect(statusChange(user({ status: "disabled" }))).toEqual({ status: "active" });
});

test("a saved user replaces its row and no other", () => {
  const rows = [user(), user({ id: "u2", display_name: "Ana" })];
  const saved = user({ id: "u2", display_name: "Ana", roles: ["admin"] });
  expect(replaceUser(rows, saved)).toEqual([rows[0], saved]);
});

test("the invitation is checked before asking: name, e-mail shape, at least one role", () => {
  expect(checkInvite(EMPTY_INVITE, es.t)).toEqual({
    display_name: "Escriba el nombre.", email: "Escriba el correo electrónico.", roles: "Elija al menos un rol.",
  });
  const typed = { ...EMPTY_INVITE, display_name: "Pau", email: "pau@", roles: choiceOf(["agent"]) };
  expect(checkInvite(typed, es.t)).toEqual({ email: "La dirección de correo no es válida." });
  expect(checkInvite({ ...typed, email: " pau@demo.test " }, es.t)).toEqual({});
  expect(invitePayload({ ...typed, display_name: " Pau Colom ", email: " pau@demo.test ", locale: "ca" }))
    .toEqual({ display_name: "Pau Colom", email: "pau@demo.test", roles: ["agent"], locale: "ca" });
});

test("the API's errors go beside the invitation's fields; the rest on top", () => {
  const taken = toProblem(409, { code: "email_taken", errors: [{ field: "email", code: "taken", message: "A user…" }] });
  expect(inviteProblems(taken, es)).toEqual({
    fields: { email: "Ya existe un usuario con este correo electrónico." }, general: [],
  });
  const roles = toProblem(422, { code: "validation_failed", errors: [{ field: "body.roles", code: "invalid", message: "Choose…" }] });
  expect(inviteProblems(roles, es).fields).toEqual({ roles: "Elija uno o varios de los roles de la lista." });
  const forbidden = toProblem(403, { code: "role_forbidden" });
  expect(inviteProblems(forbidden, es)).toEqual({ fields: {}, general: ["No tiene permiso para hacer esto."] });
});

test("the server's refusals of a change have their own words in every language", () => {
  for (const language of ["es", "ca", "en", "pt"] as const) {
    const i18n = translator(language);
    for (const code of ["cannot_demote_self", "last_admin", "user_not_found", "email_taken"]) {
      expect(i18n.has(`problem.${code}`)).toBe(true);
    }
  }
});

test("filters come from the URL; unknown roles and statuses are dropped", () => {
  expect(staffFiltersFrom(new URLSearchParams("q= ana &role=agent&status=disabled")))
    .toEqual({ q: "ana", role: "agent", status: "disabled" });
  expect(staffFiltersFrom(new URLSearchParams("role=client&status=closed"))).toEqual({ q: "", role: "", status: "" });
  expect(filtersActive({ q: "", role: "", status: "" })).toBe(false);
  expect(filtersActive({ q: "", role: "admin", status: "" })).toBe(true);
});

test("filters match by name or e-mail (accents and case aside), role and status together", () => {
  const jose = user();
  expect(matchesFilters(jose, { q: "jose", role: "", status: "" })).toBe(true);
  expect(matchesFilters(jose, { q: "PÉREZ", role: "", status: "" })).toBe(true);
  expect(matchesFilters(jose, { q: "demo.test", role: "agent", status: "active" })).toBe(true);
  expect(matchesFilters(jose, { q: "", role: "admin", status: "" })).toBe(false);
  expect(matchesFilters(jose, { q: "", role: "", status: "disabled" })).toBe(false);
  expect(matchesFilters(jose, { q: "ana", role: "", status: "" })).toBe(false);
});
