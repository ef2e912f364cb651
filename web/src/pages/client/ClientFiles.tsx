// A client's files as a list with downloads, an upload form and deletion with a confirmation.
// Staff use it in the client page's Files tab (any kind, shared with the client or internal; they
// also rename a file, change its kind and share or hide it, in ClientFileEdit);
// customers in "My documents" (`clientId` null: their own client, under /me/files), where they
// send the kinds a customer sends and delete only what their side sent. crm decides what may be
// kept; the form checks the chosen file first only to spare a useless upload.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { api, ProblemError } from "../../api";
import { formData, sendForm } from "../../api/upload";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorSummary } from "../../components/ErrorSummary";
import { Field } from "../../components/Field";
import { FilePicker } from "../../components/FilePicker";
import { Notice } from "../../components/Notice";
import { useI18n } from "../../i18n/I18nProvider";
import { fieldMessage, problemMessage } from "../../i18n/problems";
import { formatSize } from "../supportView";
import {
  CLIENT_FILE_ACCEPT, CUSTOMER_FILE_KINDS, FILE_KINDS, chosenFileProblem, contentUrl, filesPath, mayDelete,
  type ClientFile,
} from "./clientFilesView";
import { ClientFileEdit } from "./ClientFileEdit";
import { codeLabel } from "./labels";
import { TabState } from "./TabState";
import { useLoad } from "./useLoad";

type FormField = "file" | "name" | "kind";
const editButtonId = (fileId: string) => `client-file-edit-button-${fileId}`;
const FORM_FIELDS: FormField[] = ["file", "name", "kind"];

function UploadForm({ clientId, staff, onSaved }: {
  clientId: string | null; staff: boolean; onSaved: (file: ClientFile) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const kinds = staff ? FILE_KINDS : CUSTOMER_FILE_KINDS;
  const [files, setFiles] = useState<File[]>([]);
  const [name, setName] = useState("");
  const [kind, setKind] = useState<string>(kinds[0]);
  const [visible, setVisible] = useState(true);
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [focusKey, setFocusKey] = useState(0);
  const [inputKey, setInputKey] = useState(0);

  function refuse(found: Partial<Record<FormField, string>>, others: string[] = []) {
    setErrors(found);
    setGeneral(others);
    setFocusKey((k) => k + 1);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = chosenFileProblem(files);
    if (problem) return refuse({ file: t(problem) });
    setBusy(true);
    try {
      const fields: Record<string, string | boolean> = { name, kind };
      if (staff) fields.visible_to_client = visible;
      const saved = await sendForm<ClientFile>("POST", filesPath(clientId), formData(fields, { file: files }));
      setFiles([]);
      setName("");
      setInputKey((k) => k + 1);
      setErrors({});
      setGeneral([]);
      onSaved(saved);
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      const found: Partial<Record<FormField, string>> = {};
      const others: string[] = [];
      for (const p of error.errors) {
        const field = FORM_FIELDS.find((f) => p.field === f || p.field.endsWith(`.${f}`));
        if (field) found[field] ??= fieldMessage(p, i18n);
        else others.push(fieldMessage(p, i18n));
      }
      refuse(found, error.errors.length ? others : [problemMessage(error, i18n)]);
    } finally {
      setBusy(false);
    }
  }

  const items = [...general.map((message) => ({ message })),
    ...FORM_FIELDS.filter((f) => errors[f]).map((f) => ({ fieldId: `client-file-${f}`, message: errors[f] ?? "" }))];
  const title = staff ? t("clientFiles.uploadTitle") : t("clientFiles.sendTitle");
  return (
    <form className="form card card--muted" noValidate onSubmit={(e) => { void submit(e); }}
      aria-labelledby="client-file-form-title">
      <h3 id="client-file-form-title">{title}</h3>
      <ErrorSummary id="client-file-errors" title={t("problem.validation_failed")} items={items} focusKey={focusKey} />
      <FilePicker id="client-file-file" name="file" label={t("clientFiles.file")} hint={t("clientFiles.fileHint")}
        error={errors.file} accept={CLIENT_FILE_ACCEPT} files={files} onChange={setFiles} required inputKey={inputKey} />
      <div className="form-row">
        <Field id="client-file-name" label={t("clientFiles.name")} hint={t("clientFiles.nameHint")} error={errors.name}>
          {(props) => <input {...props} type="text" maxLength={200} autoComplete="off" value={name}
            onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field id="client-file-kind" label={t("clientFiles.kind")} error={errors.kind} required>
          {(props) => (
            <select {...props} value={kind} onChange={(e) => setKind(e.target.value)}>
              {kinds.map((k) => <option key={k} value={k}>{codeLabel(i18n, "fileKind", k)}</option>)}
            </select>
          )}
        </Field>
      </div>
      {staff ? (
        <div className="checkbox">
          <input id="client-file-visible" type="checkbox" checked={visible} onChange={(e) => setVisible(e.target.checked)}
            aria-describedby="client-file-visible-hint" />
          <label htmlFor="client-file-visible">{t("clientFiles.visible")}</label>
          <p id="client-file-visible-hint" className="field__hint">{t("clientFiles.visibleHint")}</p>
        </div>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t("clientFiles.sending") : staff ? t("clientFiles.upload") : t("clientFiles.send")}
        </button>
      </div>
    </form>
  );
}

function FileTable({ clientId, files, staff, onDelete, onEdit }: {
  clientId: string | null; files: ClientFile[]; staff: boolean; onDelete: (file: ClientFile) => void;
  /** Staff who may write: the row's "Edit" button. */
  onEdit?: (file: ClientFile) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const uploader = (f: ClientFile) => (f.uploaded_by_kind === "customer"
    ? t("clientFiles.byCustomer", { name: f.uploaded_by_name }) : f.uploaded_by_name);
  return (
    <table className="responsive-table" role="table" data-testid="client-files-table">
      <caption className="visually-hidden">{staff ? t("clientFiles.caption") : t("clientFiles.myCaption")}</caption>
      <thead role="rowgroup"><tr role="row">
        <th scope="col" role="columnheader">{t("clientFiles.col.name")}</th>
        <th scope="col" role="columnheader">{t("clientFiles.col.kind")}</th>
        <th scope="col" role="columnheader">{t("clientFiles.col.size")}</th>
        <th scope="col" role="columnheader">{t("clientFiles.col.uploaded")}</th>
        <th scope="col" role="columnheader"><span className="visually-hidden">{t("field.actions")}</span></th>
      </tr></thead>
      <tbody role="rowgroup">
        {files.map((f) => (
          <tr key={f.id} role="row">
            <th scope="row" role="rowheader" data-label={t("clientFiles.col.name")} className="cell--wrap">
              {f.name}
              {staff && !f.visible_to_client ? <> <span className="pill pill--neutral">{t("clientFiles.internal")}</span></> : null}
            </th>
            <td role="cell" data-label={t("clientFiles.col.kind")}>{codeLabel(i18n, "fileKind", f.kind)}</td>
            <td role="cell" data-label={t("clientFiles.col.size")}>{formatSize(f.size, i18n.language)}</td>
            <td role="cell" data-label={t("clientFiles.col.uploaded")}>
              {t("clientFiles.by", { name: uploader(f), when: i18n.formatDateTime(f.uploaded_at) })}
            </td>
            <td role="cell" data-label={t("field.actions")}>
              <span className="row-actions">
                <a className="button button--small" href={contentUrl(clientId, f.id)} download={f.file_name}
                  aria-label={t("clientFiles.downloadFor", { name: f.name })}>{t("clientFiles.download")}</a>
                {onEdit ? (
                  <button type="button" id={editButtonId(f.id)} className="button button--small"
                    aria-label={t("clientFiles.editFor", { name: f.name })} onClick={() => onEdit(f)}>
                    {t("clientFiles.edit")}
                  </button>
                ) : null}
                {mayDelete(f, staff) ? (
                  <button type="button" className="button button--small button--danger-quiet"
                    aria-label={t("clientFiles.deleteFor", { name: f.name })} onClick={() => onDelete(f)}>
                    {t("clientFiles.delete")}
                  </button>
                ) : null}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ClientFiles({ clientId, staff, mayUpload, onChanged }: {
  /** null: the customer's own client. */
  clientId: string | null; staff: boolean; mayUpload: boolean; onChanged?: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { data, setData, error, reload, loading } = useLoad<{ items: ClientFile[] }>(filesPath(clientId));
  const [removing, setRemoving] = useState<ClientFile | null>(null);
  const [editing, setEditing] = useState<ClientFile | null>(null);
  const [busy, setBusy] = useState(false);
  const [flash, setFlash] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const files = data?.items ?? [];

  function saved(file: ClientFile) {
    setData({ items: [file, ...files.filter((f) => f.id !== file.id)] });
    setFlash({ tone: "success", text: t("clientFiles.uploaded") });
    onChanged?.();
  }

  // Back to the row's "Edit" button once the dialog has closed (an effect: after the commit that
  // removed the modal, whose inertness would refuse the focus).
  const focusAfterEdit = useRef<string | null>(null);
  useEffect(() => {
    if (editing || !focusAfterEdit.current) return;
    document.getElementById(editButtonId(focusAfterEdit.current))?.focus();
    focusAfterEdit.current = null;
  }, [editing]);

  function closeEdit(fileId: string) {
    focusAfterEdit.current = fileId;
    setEditing(null);
  }

  function edited(file: ClientFile) {
    setData({ items: files.map((f) => (f.id === file.id ? file : f)) });
    setFlash({ tone: "success", text: t("clientFiles.updated", { name: file.name }) });
    closeEdit(file.id);
    onChanged?.();
  }

  async function remove(file: ClientFile) {
    setBusy(true);
    try {
      await api.del(`${filesPath(clientId)}/${encodeURIComponent(file.id)}`);
      setData({ items: files.filter((f) => f.id !== file.id) });
      setFlash({ tone: "success", text: t("clientFiles.deleted") });
      onChanged?.();
    } catch (e) {
      if (!(e instanceof ProblemError)) throw e;
      setFlash({ tone: "error", text: problemMessage(e, i18n) });
    } finally {
      setBusy(false);
      setRemoving(null);
      listRef.current?.focus();
    }
  }

  return (
    <div className="stack">
      {flash ? <Notice tone={flash.tone}>{flash.text}</Notice> : null}
      {mayUpload ? <UploadForm clientId={clientId} staff={staff} onSaved={saved} /> : null}
      <div ref={listRef} tabIndex={-1}>
        <TabState loading={loading} error={error} onRetry={reload} empty={!files.length} emptyText={t("clientFiles.empty")}>
          <FileTable clientId={clientId} files={files} staff={staff} onDelete={(f) => { setFlash(null); setRemoving(f); }}
            onEdit={staff && mayUpload && clientId !== null ? (f) => { setFlash(null); setEditing(f); } : undefined} />
        </TabState>
      </div>
      {editing && clientId !== null ? (
        <ClientFileEdit clientId={clientId} file={editing} onSaved={edited} onClose={() => closeEdit(editing.id)} />
      ) : null}
      {removing ? (
        <ConfirmDialog id="client-file-remove" title={t("clientFiles.confirmDelete", { name: removing.name })} busy={busy}
          confirmLabel={t("clientFiles.delete")} cancelLabel={t("clientFiles.cancel")}
          onConfirm={() => { void remove(removing); }} onCancel={() => setRemoving(null)}>
          <p>{t("clientFiles.confirmDeleteText")}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
