// /app/content, for the firm's editors (admins, agents): its news, support materials and the
// advantage programme's offers. Each list shows every item (drafts, unpublished and expired ones
// too) with what customers see of it; a form creates or changes one; publishing, unpublishing and
// deleting (after a confirmation) are one click away.
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from "react";
import { useSearchParams } from "react-router";
import { api, ProblemError } from "../api";
import { formData, sendForm } from "../api/upload";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { Field } from "../components/Field";
import { FilePicker } from "../components/FilePicker";
import { Notice } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import { LANGUAGES, LANGUAGE_NAMES } from "../i18n/catalogue";
import { useI18n, type I18n } from "../i18n/I18nProvider";
import { fieldMessage, fieldName, problemMessage } from "../i18n/problems";
import {
  DOCUMENT_ACCEPT, IMAGE_ACCEPT, IMAGE_MAX_BYTES, MATERIAL_MAX_BYTES, filesProblem, formatSize, offerPeriod,
  type Advantage, type EditableNews, type Material,
} from "./supportView";

type Kind = "news" | "materials" | "advantages";
const KINDS: Kind[] = ["news", "materials", "advantages"];
type Errors = Record<string, string>;
type Values = Record<string, string | boolean>;

function problemsOf(error: ProblemError, i18n: I18n): { fields: Errors; general: string | null } {
  const fields: Errors = {};
  for (const p of error.errors) fields[fieldName(p)] = fieldMessage(p, i18n);
  return { fields, general: error.errors.length ? null : problemMessage(error, i18n) };
}

function TextField({ id, label, value, error, onChange, required, multiline, type = "text", hint }: {
  id: string; label: string; value: string; error?: string; onChange: (value: string) => void; required?: boolean;
  multiline?: boolean; type?: string; hint?: string;
}) {
  return (
    <Field id={id} label={label} error={error} required={required} hint={hint}>
      {(props) => multiline
        ? <textarea {...props} rows={5} value={value} onChange={(e) => onChange(e.target.value)} />
        : <input {...props} type={type} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

function PublishedBox({ id, checked, onChange }: { id: string; checked: boolean; onChange: (v: boolean) => void }) {
  const { t } = useI18n();
  return (
    <div className="checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{t("content.published")}</label>
    </div>
  );
}

/** One kind's editor: the form (new or the item being edited) and the list with its actions. */
function Editor<T extends { id: string; title: string; published: boolean }>({ kind, empty, toValues, send, describe,
  renderFields }: {
  kind: Kind;
  empty: Values;
  toValues: (item: T) => Values;
  send: (values: Values, files: File[], item: T | null) => Promise<unknown>;
  describe: (item: T) => ReactNode;
  renderFields: (values: Values, set: (name: string, value: string | boolean) => void, errors: Errors,
    files: File[], setFiles: (files: File[]) => void, editing: T | null, inputKey: number) => ReactNode;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [items, setItems] = useState<T[]>([]);
  const [editing, setEditing] = useState<T | null>(null);
  const [values, setValues] = useState<Values>(empty);
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [flash, setFlash] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState<T | null>(null);
  const [inputKey, setInputKey] = useState(0);

  const load = useCallback(async () => {
    const answer = await api.get<{ items: T[] }>(`/${kind}`, { query: { all: "true", limit: 100 } });
    setItems(answer.items);
  }, [kind]);
  useEffect(() => { void load().catch(() => {}); }, [load]);

  function reset() {
    setEditing(null);
    setValues(empty);
    setFiles([]);
    setErrors({});
    setInputKey((k) => k + 1);
  }

  async function run(action: () => Promise<unknown>, done: string) {
    setBusy(true);
    setFlash(null);
    try {
      await action();
      setFlash({ tone: "success", text: done });
      reset();
      await load();
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      const found = problemsOf(error, i18n);
      setErrors(found.fields);
      setFlash({ tone: "error", text: found.general ?? t("content.fixErrors") });
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(() => send(values, files, editing), t("content.saved"));
  }

  return (
    <div className="stack">
      {flash ? <Notice tone={flash.tone}>{flash.text}</Notice> : null}
      <section className="card card--form-wide" aria-labelledby={`${kind}-form-title`}>
        <h2 id={`${kind}-form-title`}>{editing ? t("content.editing", { title: editing.title }) : t(`content.new.${kind}`)}</h2>
        <form className="form" noValidate onSubmit={submit} data-testid={`${kind}-form`}>
          {renderFields(values, (name, value) => setValues((v) => ({ ...v, [name]: value })), errors, files, setFiles,
            editing, inputKey)}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>{t("content.save")}</button>
            {editing ? <button type="button" className="button" onClick={reset}>{t("content.cancelEdit")}</button> : null}
          </div>
        </form>
      </section>
      <ul className="item-list" data-testid={`${kind}-items`}>
        {items.map((item) => (
          <li key={item.id} className="card item-list__item">
            <h3 className="item-list__title">{item.title}{" "}
              <span className={`pill pill--${item.published ? "yes" : "neutral"}`}>
                {item.published ? t("content.isPublished") : t("content.isDraft")}</span>
            </h3>
            {describe(item)}
            <div className="form-actions">
              <button type="button" className="button" onClick={() => {
                setEditing(item); setValues(toValues(item)); setErrors({}); setFiles([]);
              }}>{t("content.edit")}</button>
              <button type="button" className="button" disabled={busy} onClick={() => {
                void run(() => send({ ...toValues(item), published: !item.published }, [], item),
                  item.published ? t("content.unpublishedDone") : t("content.publishedDone"));
              }}>{item.published ? t("content.unpublish") : t("content.publish")}</button>
              <button type="button" className="button button--danger" onClick={() => setDeleting(item)}>
                {t("content.delete")}</button>
            </div>
          </li>
        ))}
      </ul>
      {deleting ? (
        <ConfirmDialog id="content-delete" title={t("content.deleteTitle", { title: deleting.title })} busy={busy}
          confirmLabel={t("content.delete")} cancelLabel={t("feedback.cancel")}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const item = deleting;
            setDeleting(null);
            void run(() => api.del(`/${kind}/${item.id}`), t("content.deletedDone"));
          }}>
          <p>{t("content.deleteText")}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

function NewsEditor() {
  const { t, formatDate } = useI18n();
  return (
    <Editor<EditableNews> kind="news" empty={{ title: "", body: "", language: "", published: true }}
      toValues={(n) => ({ title: n.title, body: n.body, language: n.language ?? "", published: n.published })}
      send={(v, _files, item) => {
        const body = { title: v.title, body: v.body, language: v.language, published: v.published };
        return item ? api.put(`/news/${item.id}`, body) : api.post("/news", body);
      }}
      describe={(n) => <p className="field__hint">{t("news.published", { date: formatDate(n.published_at) })}
        {n.language ? ` · ${LANGUAGE_NAMES[n.language as keyof typeof LANGUAGE_NAMES] ?? n.language}` : ""}</p>}
      renderFields={(v, set, errors) => (
        <>
          <TextField id="news-title" label={t("content.title")} value={String(v.title)} error={errors.title}
            onChange={(x) => set("title", x)} required />
          <TextField id="news-body" label={t("content.body")} value={String(v.body)} error={errors.body}
            onChange={(x) => set("body", x)} required multiline />
          <Field id="news-language" label={t("content.language")} error={errors.language}>
            {(props) => (
              <select {...props} value={String(v.language)} onChange={(e) => set("language", e.target.value)}>
                <option value="">{t("content.everyLanguage")}</option>
                {LANGUAGES.map((code) => <option key={code} value={code} lang={code}>{LANGUAGE_NAMES[code]}</option>)}
              </select>
            )}
          </Field>
          <PublishedBox id="news-published" checked={Boolean(v.published)} onChange={(x) => set("published", x)} />
        </>
      )} />
  );
}

function MaterialsEditor() {
  const i18n = useI18n();
  const { t, language } = i18n;
  return (
    <Editor<Material> kind="materials" empty={{ title: "", description: "", category: "", published: true }}
      toValues={(m) => ({ title: m.title, description: m.description, category: m.category, published: m.published })}
      send={(v, files, item) => {
        const problem = filesProblem(files, { max: 1, maxBytes: MATERIAL_MAX_BYTES });
        if (problem) throw new ProblemError({ type: "", title: "", status: 422, code: "validation_failed", detail: "",
          errors: [{ field: "file", code: "client", message: t(problem) }], retryAfter: null });
        return sendForm(item ? "PUT" : "POST", item ? `/materials/${item.id}` : "/materials",
          formData(v, { file: files }));
      }}
      describe={(m) => <p className="field__hint">{m.category || t("materials.otherCategory")} · {m.file_name} (
        {formatSize(m.size, language)})</p>}
      renderFields={(v, set, errors, files, setFiles, editing, inputKey) => (
        <>
          <TextField id="material-title" label={t("content.title")} value={String(v.title)} error={errors.title}
            onChange={(x) => set("title", x)} required />
          <TextField id="material-description" label={t("content.description")} value={String(v.description)}
            error={errors.description} onChange={(x) => set("description", x)} multiline />
          <TextField id="material-category" label={t("materials.category")} value={String(v.category)}
            error={errors.category} onChange={(x) => set("category", x)} hint={t("content.categoryHint")} />
          <FilePicker id="material-file" name="file" label={editing ? t("content.replaceFile") : t("content.file")}
            hint={t("content.fileHint")} error={errors.file} accept={DOCUMENT_ACCEPT} files={files} onChange={setFiles}
            required={!editing} inputKey={inputKey} />
          <PublishedBox id="material-published" checked={Boolean(v.published)} onChange={(x) => set("published", x)} />
        </>
      )} />
  );
}

function AdvantagesEditor() {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <Editor<Advantage> kind="advantages"
      empty={{ title: "", description: "", valid_from: "", valid_until: "", link_url: "", published: true }}
      toValues={(a) => ({ title: a.title, description: a.description, valid_from: a.valid_from,
        valid_until: a.valid_until ?? "", link_url: a.link_url ?? "", published: a.published })}
      send={(v, files, item) => {
        const problem = filesProblem(files, { max: 1, maxBytes: IMAGE_MAX_BYTES, accept: IMAGE_ACCEPT });
        if (problem) throw new ProblemError({ type: "", title: "", status: 422, code: "validation_failed", detail: "",
          errors: [{ field: "image", code: "client", message: t(problem) }], retryAfter: null });
        return sendForm(item ? "PUT" : "POST", item ? `/advantages/${item.id}` : "/advantages",
          formData(v, { image: files }));
      }}
      describe={(a) => <p className="field__hint">{offerPeriod(i18n, a)} · {a.active ? t("content.activeNow")
        : t("content.notActive")}</p>}
      renderFields={(v, set, errors, files, setFiles, _editing, inputKey) => (
        <>
          <TextField id="advantage-title" label={t("content.title")} value={String(v.title)} error={errors.title}
            onChange={(x) => set("title", x)} required />
          <TextField id="advantage-description" label={t("content.description")} value={String(v.description)}
            error={errors.description} onChange={(x) => set("description", x)} multiline />
          <div className="form-row">
            <TextField id="advantage-valid_from" type="date" label={t("content.validFrom")} value={String(v.valid_from)}
              error={errors.valid_from} onChange={(x) => set("valid_from", x)} required />
            <TextField id="advantage-valid_until" type="date" label={t("content.validUntil")}
              value={String(v.valid_until)} error={errors.valid_until} onChange={(x) => set("valid_until", x)}
              hint={t("content.validUntilHint")} />
          </div>
          <TextField id="advantage-link_url" type="url" label={t("content.link")} value={String(v.link_url)}
            error={errors.link_url} onChange={(x) => set("link_url", x)} hint={t("content.linkHint")} />
          <FilePicker id="advantage-image" name="image" label={t("content.image")} hint={t("content.imageHint")}
            error={errors.image} accept={IMAGE_ACCEPT} files={files} onChange={setFiles} inputKey={inputKey} />
          <PublishedBox id="advantage-published" checked={Boolean(v.published)}
            onChange={(x) => set("published", x)} />
        </>
      )} />
  );
}

export function ContentEditorPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const kind = (KINDS as string[]).includes(params.get("kind") ?? "") ? params.get("kind") as Kind : "news";
  return (
    <div className="stack">
      <div className="page-head">
        <PageTitle>{t("content.pageTitle")}</PageTitle>
        <p className="lead">{t("content.intro")}</p>
      </div>
      <nav className="tabs" aria-label={t("content.kinds")}>
        {KINDS.map((k) => (
          <button key={k} type="button" className={`button${k === kind ? " button--primary" : ""}`}
            aria-current={k === kind ? "page" : undefined} onClick={() => setParams({ kind: k })}>
            {t(`content.kind.${k}`)}
          </button>
        ))}
      </nav>
      {kind === "news" ? <NewsEditor /> : kind === "materials" ? <MaterialsEditor /> : <AdvantagesEditor />}
    </div>
  );
}
