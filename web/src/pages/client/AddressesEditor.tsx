// A client's addresses: street, number, floor and door, postal code, town, province and country,
// one of them the main one (a radio across the addresses); rows added and removed.
import type { Address } from "../../api/types";
import { Field } from "../../components/Field";
import type { Key } from "../../i18n/catalogue";
import { useI18n } from "../../i18n/I18nProvider";
import { controlId, emptyAddress } from "./clientFormView";

type TextPart = "street" | "number" | "floor_door" | "postal_code" | "city" | "province" | "country";
const PARTS: [TextPart, Key, string][] = [
  ["street", "field.street", "address-line1"], ["number", "field.streetNumber", "off"],
  ["floor_door", "field.floorDoor", "address-line2"], ["postal_code", "field.postalCode", "postal-code"],
  ["city", "field.city", "address-level2"], ["province", "field.province", "address-level1"],
  ["country", "field.country", "country"],
];

export function AddressesEditor({ idPrefix, addresses, errors, onChange, personal = false }: {
  idPrefix: string;
  addresses: Address[];
  errors: Record<string, string>;
  onChange: (addresses: Address[]) => void;
  /** The customer's own form: the browser may fill it from their saved addresses. */
  personal?: boolean;
}) {
  const { t } = useI18n();
  const set = (index: number, change: Partial<Address>) =>
    onChange(addresses.map((a, i) => (i === index ? { ...a, ...change } : a)));
  const setMain = (index: number) => onChange(addresses.map((a, i) => ({ ...a, is_main: i === index })));
  const listError = errors.addresses;
  return (
    <fieldset className="repeat" aria-describedby={listError ? `${idPrefix}-addresses-error` : undefined}>
      <legend>{t("field.addresses")}</legend>
      {listError ? <p id={`${idPrefix}-addresses-error`} className="field__error">{listError}</p> : null}
      {addresses.map((address, index) => {
        const n = index + 1;
        return (
          <fieldset key={index} className="repeat__block">
            <legend>{t("clientForm.address", { n })}</legend>
            <div className="form-row form-row--wrap">
              {PARTS.map(([part, label, autocomplete]) => (
                <Field key={part} id={controlId(`addresses.${index}.${part}`, idPrefix)} label={t(label)}
                  error={errors[`addresses.${index}.${part}`]}>
                  {(props) => (
                    <input {...props} type="text" value={address[part]} maxLength={part === "country" ? 2 : undefined}
                      autoComplete={personal ? autocomplete : "off"}
                      onChange={(e) => set(index, { [part]: e.target.value })} />
                  )}
                </Field>
              ))}
            </div>
            <div className="repeat__actions">
              <div className="checkbox">
                <input type="radio" id={controlId(`addresses.${index}.is_main`, idPrefix)} name={`${idPrefix}-main-address`}
                  checked={address.is_main} onChange={() => setMain(index)} />
                <label htmlFor={controlId(`addresses.${index}.is_main`, idPrefix)}>{t("field.mainAddress")}</label>
              </div>
              <button type="button" className="button button--small button--ghost-dark"
                onClick={() => onChange(addresses.filter((_, i) => i !== index))}>
                {t("clientForm.removeAddress", { n })}
              </button>
            </div>
          </fieldset>
        );
      })}
      <button type="button" className="button button--small"
        onClick={() => onChange([...addresses, emptyAddress(!addresses.length)])}>
        <span className="button__icon" aria-hidden="true">+</span>{t("clientForm.addAddress")}
      </button>
    </fieldset>
  );
}
