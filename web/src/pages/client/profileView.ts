// The customer's profile form, free of React: what is sent (only the parts that changed, empty
// rows left out, with the version read).
import type { Address, Alerts, PhoneIn } from "../../api/types";
import { payloadFor, emptyClient } from "./clientFormView";

export interface ProfileValues {
  phones: PhoneIn[];
  addresses: Address[];
  alerts: Alerts;
}

function cleaned(values: ProfileValues): ProfileValues {
  const { phones, addresses } = payloadFor({ ...emptyClient("person"), phones: values.phones, addresses: values.addresses });
  return { phones, addresses, alerts: values.alerts };
}

export function profilePatch(original: ProfileValues, values: ProfileValues, version: number): Partial<ProfileValues> & { version: number } {
  const before = cleaned(original);
  const after = cleaned(values);
  const patch: Partial<ProfileValues> & { version: number } = { version };
  for (const key of ["phones", "addresses", "alerts"] as const) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) (patch as Record<string, unknown>)[key] = after[key];
  }
  return patch;
}
