// Staff: the firm's client categories (tags to segment clients, seed 002). Everyone on staff sees
// them and how many clients have each; admins and agents (`categories:manage`) add, rename and
// delete them (a deleted category is taken off its clients, which the history records).
import { useRef, useState, type FormEvent } from "react";
import { api, ProblemError } from "../api";
import type { Category } from "../api/types";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { Field } from "../components/Field";
import { Notice } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import { useI18n } from "../i18n/I18nProvider";
import { fieldMessage, problemMessage } from "../i18n/problems";
import { can } from "../session/permissions";
import { useSession } from "../session/SessionProvider";
import { TabState } from "./client/TabState";
import { useLoad } from "./client/useLoad";

function errorOf(error: ProblemError, i18n: ReturnType<typeof useI18n>): string {
  return error.errors.length ? fieldMessage(error.errors[0]!, i18n) : problemMessage(error, i18n);
}

export function CategoriesPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { state } = useSession();
  const mayManage = state.status === "authenticated" && can(state.me, "categories:manage");
  const { data, setData, error, reload, loading } = useLoad<{ items: Category[] }>("/categories");
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState("");
  const [renaming, setRenaming] = useState<{ category: Category; name: string; error: string } | null>(null);
  const [deleting, setDeleting] = useState<Category | null>(null);
  const [busy, setBusy] = useState(false);
  const [flash, setFlash] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const categories = data?.items ?? [];
  const sorted = (list: Category[]) => [...list].sort((a, b) => a.name.localeCompare(b.name, i18n.language));

  async function add(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFlash(null);
    try {
      const created = await api.post<Category>("/categories", { name });
      setData({ items: sorted([...categories, created]) });
      setName("");
      setNameError("");
      setFlash({ tone: "success", text: t("categories.created", { name: created.name }) });
    } catch (e) {
      if (!(e instanceof ProblemError)) throw e;
      setNameError(errorOf(e, i18n));
      nameInput.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  async function rename(event: FormEvent) {
    event.preventDefault();
    if (!renaming) return;
    setBusy(true);
    try {
      const saved = await api.patch<Category>(`/categories/${encodeURIComponent(renaming.category.id)}`, { name: renaming.name });
      setData({ items: sorted(categories.map((c) => (c.id === saved.id ? saved : c))) });
      setRenaming(null);
      setFlash({ tone: "success", text: t("categories.renamed", { name: saved.name }) });
    } catch (e) {
      if (!(e instanceof ProblemError)) throw e;
      setRenaming({ ...renaming, error: errorOf(e, i18n) });
    } finally {
      setBusy(false);
    }
  }

  async function remove(category: Category) {
    setBusy(true);
    try {
      await api.del(`/categories/${encodeURIComponent(category.id)}`);
      setData({ items: categories.filter((c) => c.id !== category.id) });
      setFlash({ tone: "success", text: t("categories.deleted", { name: category.name }) });
    } catch (e) {
      if (!(e instanceof ProblemError)) throw e;
      setFlash({ tone: "error", text: problemMessage(e, i18n) });
    } finally {
      setBusy(false);
      setDeleting(null);
      nameInput.current?.focus();
    }
  }

  return (
    <div className="stack">
      <PageTitle>{t("categories.title")}</PageTitle>
      <p className="lead">{t("categories.intro")}</p>
      {flash ? <Notice tone={flash.tone}>{flash.text}</Notice> : null}
      {mayManage ? (
        <form className="search" noValidate onSubmit={(e) => { void add(e); }}>
          <Field id="category-name" label={t("categories.name")} error={nameError}>
            {(props) => (
              <div className="search__row">
                <input {...props} ref={nameInput} type="text" autoComplete="off" maxLength={60} value={name}
                  onChange={(e) => setName(e.target.value)} />
                <button type="submit" className="button button--primary" disabled={busy}>{t("categories.add")}</button>
              </div>
            )}
          </Field>
        </form>
      ) : <p className="field__hint">{t("categories.readOnly")}</p>}
      <TabState loading={loading} error={error} onRetry={reload} empty={!categories.length} emptyText={t("categories.empty")}>
        <ul className="item-list" aria-label={t("categories.caption")} data-testid="categories">
          {categories.map((category) => (
            <li key={category.id} className="item-list__item">
              {renaming?.category.id === category.id ? (
                <form className="form" noValidate onSubmit={(e) => { void rename(e); }}>
                  <Field id={`category-${category.id}-name`} label={t("categories.newName", { name: category.name })}
                    error={renaming.error}>
                    {(props) => <input {...props} type="text" maxLength={60} value={renaming.name} autoFocus
                      onChange={(e) => setRenaming({ ...renaming, name: e.target.value })} />}
                  </Field>
                  <div className="form-actions">
                    <button type="submit" className="button button--small button--primary" disabled={busy}>{t("categories.save")}</button>
                    <button type="button" className="button button--small" onClick={() => setRenaming(null)}>{t("categories.cancel")}</button>
                  </div>
                </form>
              ) : (
                <>
                  <p className="item-list__title">{category.name}</p>
                  <p className="field__hint">{i18n.plural("categories.clients", category.client_count,
                    { count: i18n.formatNumber(category.client_count) })}</p>
                  {mayManage ? (
                    <p className="row-actions">
                      <button type="button" className="button button--small" aria-label={t("categories.renameFor", { name: category.name })}
                        onClick={() => setRenaming({ category, name: category.name, error: "" })}>{t("categories.rename")}</button>
                      <button type="button" className="button button--small button--danger-quiet"
                        aria-label={t("categories.deleteFor", { name: category.name })}
                        onClick={() => setDeleting(category)}>{t("categories.delete")}</button>
                    </p>
                  ) : null}
                </>
              )}
            </li>
          ))}
        </ul>
      </TabState>
      {deleting ? (
        <ConfirmDialog id="category-delete" title={t("categories.confirmDelete", { name: deleting.name })} busy={busy}
          confirmLabel={t("categories.delete")} cancelLabel={t("categories.cancel")}
          onConfirm={() => { void remove(deleting); }} onCancel={() => setDeleting(null)}>
          <p>{i18n.plural("categories.clients", deleting.client_count, { count: i18n.formatNumber(deleting.client_count) })}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
