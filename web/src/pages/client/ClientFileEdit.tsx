// Staff's edit of one client file, in a modal dialog: rename it, change its kind, share it with
// the client or keep it internal. Only the fields changed are sent (PATCH), so crm's history shows
// exactly what changed; its field errors are shown beside each control and in a summary.
import { useEffect, useRef, useState } from "react";
import { api, ProblemError } from "../../api";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorSummary } from "../../components/ErrorSummary";
import { Field } from "../../components/Field";
import { useI18n } from "../../i18n/I18nProvider";
import { fieldMessage, problemMessage } from "../../i18n/problems";
import {
  FILE_EDIT_FIELDS, editOf, fileChanges, filesPath, kindOptions, type ClientFile, type FileEditField,
} from "./clientFilesView";
import { codeLabel } from "./labels";

type Errors = Partial<Record<FileEditField, string>>;

export function ClientFileEdit({ clientId, file, onSaved, onClose }: {
  clientId: string; file: ClientFile;
  /** After crm kept the change (not called when nothing changed). */
  onSaved: (file: ClientFile) => void;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [edit, setEdit] = useState(() => editOf(file));
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [focusKey, setFocusKey] = useState(0);
  const nameRef = useRef<HTMLInputElement>(null);

  // After ConfirmDialog put the focus on "Cancel": an edit starts at its first field.
  useEffect(() => {
    nameRef.current?.focus();
    nameRef.current?.select();
  }, []);

  function refuse(found: Errors, others: string[] = []) {
    setErrors(found);
    setGeneral(others);
    setFocusKey((k) => k + 1);
  }

  async function save() {
    const changes = fileChanges(file, edit);
    if (changes.name === "") return refuse({ name: t("fieldError.required") });
    if (!Object.keys(changes).length) return onClose();
    setBusy(true);
    try {
      const saved = await api.patch<ClientFile>(
        `${filesPath(clientId)}/${encodeURIComponent(file.id)}`, changes);
      onSaved(saved);
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      const found: Errors = {};
      const others: string[] = [];
      for (const p of error.errors) {
        const field = FILE_EDIT_FIELDS.find((f) => p.field === f);
        if (field) found[field] ??= fieldMessage(p, i18n);
        else others.push(fieldMessage(p, i18n));
      }
      refuse(found, error.errors.length ? others : [problemMessage(error, i18n)]);
    } finally {
      setBusy(false);
    }
  }

  const items = [...general.map((message) => ({ message })),
    ...FILE_EDIT_FIELDS.filter((f) => errors[f]).map((f) => ({ fieldId: `client-file-edit-${f}`, message: errors[f] ?? "" }))];
  return (
    <ConfirmDialog id="client-file-edit" tone="plain" describedByBody={false} busy={busy}
      title={t("clientFiles.editTitle", { name: file.name })} confirmLabel={t("clientFiles.save")}
      busyLabel={t("clientFiles.saving")} cancelLabel={t("clientFiles.cancel")}
      onConfirm={() => { void save(); }} onCancel={onClose}>
      {/* One text field: Enter in it submits the form (implicit submission), which saves. */}
      <form className="form" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <ErrorSummary id="client-file-edit-errors" title={t("problem.validation_failed")} items={items}
          focusKey={focusKey} />
        <Field id="client-file-edit-name" label={t("clientFiles.name")} error={errors.name} required>
          {(props) => <input {...props} ref={nameRef} type="text" maxLength={200} autoComplete="off" value={edit.name}
            onChange={(e) => setEdit((d) => ({ ...d, name: e.target.value }))} />}
        </Field>
        <Field id="client-file-edit-kind" label={t("clientFiles.kind")} error={errors.kind} required>
          {(props) => (
            <select {...props} value={edit.kind} onChange={(e) => setEdit((d) => ({ ...d, kind: e.target.value }))}>
              {kindOptions(file.kind).map((k) => <option key={k} value={k}>{codeLabel(i18n, "fileKind", k)}</option>)}
            </select>
          )}
        </Field>
        <div className={`checkbox${errors.visible_to_client ? " field--invalid" : ""}`}>
          <input id="client-file-edit-visible_to_client" type="checkbox" checked={edit.visible_to_client}
            onChange={(e) => setEdit((d) => ({ ...d, visible_to_client: e.target.checked }))}
            aria-invalid={errors.visible_to_client ? true : undefined}
            aria-describedby={[errors.visible_to_client ? "client-file-edit-visible_to_client-error" : "",
              "client-file-edit-visible-hint"].filter(Boolean).join(" ")} />
          <label htmlFor="client-file-edit-visible_to_client">{t("clientFiles.visible")}</label>
          <p id="client-file-edit-visible-hint" className="field__hint">{t("clientFiles.editVisibleHint")}</p>
          {errors.visible_to_client ? (
            <p id="client-file-edit-visible_to_client-error" className="field__error">
              <span aria-hidden="true">⚠ </span>{errors.visible_to_client}</p>
          ) : null}
        </div>
      </form>
    </ConfirmDialog>
  );
}
