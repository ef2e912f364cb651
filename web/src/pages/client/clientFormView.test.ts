import { expect, test } from "vitest";
import type { ClientRecord } from "../../api/types";
import { controlId, emptyClient, errorKey, fromRecord, patchFor, payloadFor, requiredMissing, sharesTotal } from "./clientFormView";

const record: ClientRecord = {
  id: "c1", kind: "company", display_name: "Talleres S.L.", first_name: "", last_name: "", legal_name: "Talleres S.L.",
  trade_name: "Talleres", tax_id_type: "es_cif", tax_id: "B12345674", email: "a@b.test", phone: "+34911234567",
  birth_date: null, has_portal_user: false, portal_user_id: null, created_at: "2026-01-01T00:00:00+00:00",
  phones: [{ label: "work", number: "+34911234567", formatted: "911 23 45 67" }],
  addresses: [{ street: "Mayor", number: "1", floor_door: "", postal_code: "28013", city: "Madrid", province: "Madrid",
    country: "ES", is_main: true }],
  categories: [{ id: "k1", name: "VIP" }], salesperson_id: "u1", salesperson_name: "Marta",
  alerts: { email_collections: true, email_renewals: false, sms_collections: false, sms_renewals: false },
  members: [], locale: "es", version: 3, updated_at: "2026-01-02T00:00:00+00:00",
};

test("only the name fields of the chosen kind are sent, and empty rows are left out", () => {
  const values = { ...emptyClient("person"), first_name: " Ana ", last_name: "López", legal_name: "Old S.L.",
    trade_name: "Old", tax_id: " 12345678Z " };
  expect(payloadFor(values)).toMatchObject({ first_name: "Ana", legal_name: "", trade_name: "", tax_id: "12345678Z",
    phones: [], addresses: [], members: [] });
  const company = payloadFor({ ...values, kind: "company", phones: [{ label: "work", number: " 911 " }] });
  expect(company).toMatchObject({ first_name: "", last_name: "", legal_name: "Old S.L.", phones: [{ label: "work", number: "911" }] });
});

test("members are sent for a consortium only", () => {
  const values = { ...emptyClient("consortium"), members: [{ client_id: "a", share: " 60 " }, { client_id: "", share: "" }] };
  expect(payloadFor(values).members).toEqual([{ client_id: "a", share: "60" }]);
  expect(payloadFor({ ...values, kind: "company" }).members).toEqual([]);
});

test("an edit sends the changed fields and the version read", () => {
  const original = fromRecord(record);
  expect(original.tax_id_type).toBe("");
  expect(patchFor(original, original, 3)).toEqual({ version: 3 });
  const changed = { ...original, trade_name: "Talleres Martín",
    phones: [...original.phones, { label: "mobile", number: "600111222" }] };
  expect(patchFor(original, changed, 3)).toEqual({ version: 3, trade_name: "Talleres Martín",
    phones: [{ label: "work", number: "+34911234567" }, { label: "mobile", number: "600111222" }] });
});

test("required fields depend on the kind", () => {
  expect(requiredMissing({ ...emptyClient("person"), first_name: " ", tax_id: "" })).toEqual(["first_name", "last_name", "tax_id"]);
  expect(requiredMissing({ ...emptyClient("consortium"), legal_name: "UTE", tax_id: "U1" })).toEqual([]);
});

test("shares add up in hundredths, with a comma or a point", () => {
  expect(sharesTotal([{ share: "33,33" }, { share: "66.67" }])).toBe(10000);
  expect(sharesTotal([{ share: "50" }, { share: "" }])).toBeNull();
  expect(sharesTotal([])).toBe(0);
});

test("API error names lead to their controls", () => {
  expect(errorKey("body.phones.1.number")).toBe("phones.1.number");
  expect(controlId("addresses.0.postal_code")).toBe("client-addresses-0-postal_code");
});
