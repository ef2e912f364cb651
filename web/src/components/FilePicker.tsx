// A labelled file input with the chosen files listed (name and size) and the form's hint about
// accepted types and sizes; its error is tied to the control like any field's.
import { useI18n } from "../i18n/I18nProvider";
import { formatSize } from "../pages/supportView";
import { Field } from "./Field";

export function FilePicker({ id, name, label, hint, error, accept, multiple, files, onChange, required, inputKey }: {
  id: string; name: string; label: string; hint: string; error?: string; accept: string; multiple?: boolean;
  files: File[]; onChange: (files: File[]) => void; required?: boolean;
  /** Changed by the form to empty the input after sending. */
  inputKey?: number;
}) {
  const { t, language } = useI18n();
  return (
    <Field id={id} name={name} label={label} hint={hint} error={error} required={required}>
      {(props) => (
        <>
          <input {...props} key={inputKey} type="file" accept={accept} multiple={multiple}
            onChange={(event) => onChange(Array.from(event.target.files ?? []))} />
          {files.length ? (
            <ul className="file-list" aria-label={t("files.chosen")}>
              {files.map((file) => <li key={`${file.name}-${file.size}`}>{file.name} ({formatSize(file.size, language)})</li>)}
            </ul>
          ) : null}
        </>
      )}
    </Field>
  );
}
