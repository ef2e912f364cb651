// A labelled form field: the hint and the error are tied to the control with aria-describedby,
// the control is aria-invalid while it has an error; required controls carry `required` (the
// visible * is hidden from screen readers, which announce "required" themselves).
import type { ReactNode } from "react";

export interface ControlProps {
  id: string;
  name: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  required?: boolean;
}

export interface FieldProps {
  id: string;
  name?: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  children: (props: ControlProps) => ReactNode;
}

export function fieldIds(id: string) {
  return { hint: `${id}-hint`, error: `${id}-error` };
}

export function Field({ id, name, label, hint, error, required, children }: FieldProps) {
  const ids = fieldIds(id);
  const describedBy = [error ? ids.error : "", hint ? ids.hint : ""].filter(Boolean).join(" ");
  const props: ControlProps = { id, name: name ?? id };
  if (describedBy) props["aria-describedby"] = describedBy;
  if (error) props["aria-invalid"] = true;
  if (required) props.required = true;
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <div className="field__label">
        <label htmlFor={id}>{label}</label>
        {required ? <span className="required-mark" aria-hidden="true">*</span> : null}
      </div>
      {hint ? <p id={ids.hint} className="field__hint">{hint}</p> : null}
      {error ? <p id={ids.error} className="field__error"><span aria-hidden="true">⚠ </span>{error}</p> : null}
      {children(props)}
    </div>
  );
}
