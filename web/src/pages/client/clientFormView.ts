// The client form's logic, free of React: the values of each kind, what is sent on create and
// on edit (only the fields that changed, with the version read), the consortium's share total,
// and where an API field error goes ("phones.1.number" → that phone's number control).
import type { Address, Alerts, ClientKind, ClientRecord, ClientRecordIn, PhoneIn } from "../../api/types";

export const EMPTY_ALERTS: Alerts = {
  email_collections: false, email_renewals: false, sms_collections: false, sms_renewals: false,
};

export function emptyPhone(label = "mobile"): PhoneIn {
  return { label, number: "" };
}

export function emptyAddress(isMain = false): Address {
  return { street: "", number: "", floor_door: "", postal_code: "", city: "", province: "", country: "ES", is_main: isMain };
}

export function emptyClient(kind: ClientKind = "person"): ClientRecordIn {
  return {
    kind, first_name: "", last_name: "", legal_name: "", trade_name: "", tax_id: "", tax_id_type: "", email: "",
    phones: [emptyPhone()], addresses: [emptyAddress(true)], birth_date: "", locale: "es", category_ids: [],
    salesperson_id: "", alerts: { ...EMPTY_ALERTS }, members: [],
  };
}

/** A stored client as form values (to edit it). Spanish document types are detected again; a
 * foreign one is kept. */
export function fromRecord(record: ClientRecord): ClientRecordIn {
  return {
    kind: record.kind, first_name: record.first_name, last_name: record.last_name, legal_name: record.legal_name,
    trade_name: record.trade_name, tax_id: record.tax_id,
    tax_id_type: record.tax_id_type.startsWith("es_") ? "" : record.tax_id_type, email: record.email,
    phones: record.phones.map(({ label, number }) => ({ label, number })),
    addresses: record.addresses.map((a) => ({ ...a })), birth_date: record.birth_date ?? "", locale: record.locale,
    category_ids: record.categories.map((c) => c.id), salesperson_id: record.salesperson_id ?? "",
    alerts: { ...record.alerts }, members: record.members.map(({ client_id, share }) => ({ client_id, share })),
  };
}

const blankAddress = (a: Address) =>
  ![a.street, a.number, a.floor_door, a.postal_code, a.city, a.province].some((v) => v.trim());

/** What is sent: the name fields of the chosen kind only, text trimmed, empty phone and address
 * rows left out, members only for a consortium. */
export function payloadFor(values: ClientRecordIn): ClientRecordIn {
  const person = values.kind === "person";
  const addresses = values.addresses.filter((a) => !blankAddress(a)).map((a) => ({
    ...a, street: a.street.trim(), number: a.number.trim(), floor_door: a.floor_door.trim(),
    postal_code: a.postal_code.trim(), city: a.city.trim(), province: a.province.trim(),
    country: a.country.trim().toUpperCase() || "ES",
  }));
  return {
    ...values,
    first_name: person ? values.first_name.trim() : "",
    last_name: person ? values.last_name.trim() : "",
    legal_name: person ? "" : values.legal_name.trim(),
    trade_name: person ? "" : values.trade_name.trim(),
    tax_id: values.tax_id.trim(),
    email: values.email.trim(),
    phones: values.phones.filter((p) => p.number.trim()).map((p) => ({ label: p.label, number: p.number.trim() })),
    addresses,
    members: values.kind === "consortium"
      ? values.members.filter((m) => m.client_id).map((m) => ({ client_id: m.client_id, share: m.share.trim() }))
      : [],
  };
}

type Patch = Partial<ClientRecordIn> & { version: number };

/** PATCH /clients/{id}: the fields whose value differs from what was read, and the version read
 * (the kind never changes). */
export function patchFor(original: ClientRecordIn, values: ClientRecordIn, version: number): Patch {
  const before = payloadFor(original);
  const after = payloadFor(values);
  const patch: Patch = { version };
  for (const key of Object.keys(after) as (keyof ClientRecordIn)[]) {
    if (key === "kind") continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      (patch as Record<string, unknown>)[key] = after[key];
    }
  }
  return patch;
}

/** Required fields left empty, in form order. */
export function requiredMissing(values: ClientRecordIn): ("first_name" | "last_name" | "legal_name" | "tax_id")[] {
  const required = values.kind === "person"
    ? (["first_name", "last_name", "tax_id"] as const) : (["legal_name", "tax_id"] as const);
  return required.filter((f) => !values[f].trim());
}

/** The members' shares added up, in hundredths of a percent, or null while one is not a number. */
export function sharesTotal(members: { share: string }[]): number | null {
  let total = 0;
  for (const { share } of members) {
    const value = Number(share.trim().replace(",", "."));
    if (!share.trim() || !Number.isFinite(value)) return null;
    total += Math.round(value * 100);
  }
  return total;
}

/** The form control an API error names: "body.phones.1.number" → "phones.1.number". */
export function errorKey(field: string): string {
  return field.replace(/^body\./, "");
}

/** A control's id for an error key: "phones.1.number" → "client-phones-1-number". */
export function controlId(key: string, prefix = "client"): string {
  return `${prefix}-${key.replace(/\./g, "-")}`;
}
