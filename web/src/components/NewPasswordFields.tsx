// A new password typed twice, with the strength meter between: the same fields on the set,
// reset, registration and change forms. Ids are `<prefix>-password` and `<prefix>-repeat`.
import { PASSWORD_MIN_LENGTH, type PasswordErrors } from "../account/newPassword";
import { useI18n } from "../i18n/I18nProvider";
import { Field } from "./Field";
import { PasswordStrength } from "./PasswordStrength";

export interface NewPasswordValues {
  password: string;
  repeat: string;
}

export function NewPasswordFields({ idPrefix, values, errors, onChange, username, email }: {
  idPrefix: string;
  values: NewPasswordValues;
  errors: PasswordErrors;
  onChange: (field: keyof NewPasswordValues, value: string) => void;
  username?: string;
  email?: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <Field id={`${idPrefix}-password`} name="password" label={t("setPassword.password")}
        hint={t("setPassword.passwordHint", { min: PASSWORD_MIN_LENGTH })} error={errors.password} required>
        {(props) => <input {...props} type="password" autoComplete="new-password"
          value={values.password} onChange={(e) => onChange("password", e.target.value)} />}
      </Field>
      <PasswordStrength id={`${idPrefix}-strength`} password={values.password} username={username} email={email} />
      <Field id={`${idPrefix}-repeat`} name="repeat" label={t("setPassword.repeat")} error={errors.repeat} required>
        {(props) => <input {...props} type="password" autoComplete="new-password"
          value={values.repeat} onChange={(e) => onChange("repeat", e.target.value)} />}
      </Field>
    </>
  );
}
