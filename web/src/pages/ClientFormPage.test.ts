import { expect, test } from "vitest";
import type { ClientIn } from "../api/types";
import { payloadFor, requiredMissing } from "./ClientFormPage";

const base: ClientIn = {
  kind: "person", first_name: " Ana ", last_name: "López", legal_name: "Old S.L.", tax_id: " 12345678Z ",
  email: "", phone: "", birth_date: "", locale: "es",
};

test("only the name fields of the chosen kind are sent, trimmed", () => {
  expect(payloadFor(base)).toMatchObject({ first_name: "Ana", last_name: "López", legal_name: "", tax_id: "12345678Z" });
  expect(payloadFor({ ...base, kind: "company" })).toMatchObject({ first_name: "", last_name: "", legal_name: "Old S.L." });
});

test("required fields depend on the kind", () => {
  expect(requiredMissing(base)).toEqual([]);
  expect(requiredMissing({ ...base, first_name: " ", tax_id: "" })).toEqual(["first_name", "tax_id"]);
  expect(requiredMissing({ ...base, kind: "consortium", legal_name: "" })).toEqual(["legal_name"]);
});
