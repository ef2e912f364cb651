import { expect, test } from "vitest";
import { EMPTY_ALERTS, emptyAddress } from "./clientFormView";
import { profilePatch } from "./profileView";

const original = { phones: [{ label: "mobile", number: "+34600111222" }], addresses: [emptyAddress(true)],
  alerts: { ...EMPTY_ALERTS } };

test("only the changed parts of the profile are sent, with the version read", () => {
  expect(profilePatch(original, original, 4)).toEqual({ version: 4 });
  const changed = { ...original, phones: [...original.phones, { label: "work", number: " 911 222 333 " }, { label: "home", number: "" }] };
  expect(profilePatch(original, changed, 4)).toEqual({ version: 4,
    phones: [{ label: "mobile", number: "+34600111222" }, { label: "work", number: "911 222 333" }] });
  expect(profilePatch(original, { ...original, alerts: { ...EMPTY_ALERTS, sms_renewals: true } }, 4))
    .toEqual({ version: 4, alerts: { ...EMPTY_ALERTS, sms_renewals: true } });
});
