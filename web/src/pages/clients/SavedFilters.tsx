// The staff user's saved filters (GET/POST /saved-filters, DELETE /saved-filters/{id}): keep the
// list's current filter under a name, apply one, delete one. A name already taken (409
// `saved_filter_exists`) is said beside the name box.
import { useState, type FormEvent } from "react";
import { api, ProblemError } from "../../api";
import { useI18n } from "../../i18n/I18nProvider";
import { fieldMessage, problemMessage } from "../../i18n/problems";
import { useLoad } from "../client/useLoad";
import { EMPTY_FILTER, isEmptyFilter, type ClientFilter } from "./clientFilter";

export interface SavedFilter {
  id: string;
  name: string;
  filter: ClientFilter;
}

type Message = { tone: "success" | "error"; text: string } | null;

export function SavedFilters({ filter, onApply }: { filter: ClientFilter; onApply: (filter: ClientFilter) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { data, setData, error: loadError } = useLoad<{ items: SavedFilter[] }>("/saved-filters");
  const saved = data?.items ?? [];
  const [chosen, setChosen] = useState("");
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState("");
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const current = saved.find((s) => s.id === chosen) ?? saved[0] ?? null;

  function describe(problem: ProblemError): string {
    if (problem.code === "saved_filter_exists") return t("clientsList.savedExists");
    const fields = problem.errors.map((fe) => fieldMessage(fe, i18n)).join(" ");
    return fields || problemMessage(problem, i18n);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    if (!name.trim()) {
      setNameError(t("clientsList.savedNameMissing"));
      document.getElementById("saved-filter-name")?.focus();
      return;
    }
    setBusy(true);
    try {
      const created = await api.post<SavedFilter>("/saved-filters", { name: name.trim(), filter });
      setData((d) => ({ items: [...(d?.items ?? []), created].sort((a, b) => a.name.localeCompare(b.name)) }));
      setChosen(created.id);
      setName("");
      setNameError("");
      setMessage({ tone: "success", text: t("clientsList.savedDone", { name: created.name }) });
    } catch (problem) {
      if (!(problem instanceof ProblemError)) throw problem;
      setNameError(describe(problem));
      document.getElementById("saved-filter-name")?.focus();
    } finally {
      setBusy(false);
    }
  }

  async function remove(target: SavedFilter) {
    setMessage(null);
    setBusy(true);
    try {
      await api.del(`/saved-filters/${encodeURIComponent(target.id)}`);
      setData((d) => ({ items: (d?.items ?? []).filter((s) => s.id !== target.id) }));
      setChosen("");
      setMessage({ tone: "success", text: t("clientsList.savedDeleted", { name: target.name }) });
    } catch (problem) {
      if (!(problem instanceof ProblemError)) throw problem;
      setMessage({ tone: "error", text: describe(problem) });
    } finally {
      setBusy(false);
    }
  }

  function apply(target: SavedFilter) {
    setMessage({ tone: "success", text: t("clientsList.savedApplied", { name: target.name }) });
    onApply({ ...EMPTY_FILTER, ...target.filter });
  }

  return (
    <section className="filters saved-filters" aria-labelledby="saved-filters-title">
      <h2 id="saved-filters-title" className="filters__title">{t("clientsList.saved")}</h2>
      {loadError ? <p className="field__error">{problemMessage(loadError, i18n)}</p> : null}
      {saved.length ? (
        <div className="form-row form-row--wrap">
          <div className="field">
            <label htmlFor="saved-filter-choice">{t("clientsList.savedChoice")}</label>
            <select id="saved-filter-choice" value={current?.id ?? ""} onChange={(e) => setChosen(e.target.value)}>
              {saved.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </div>
          <div className="form-actions">
            <button type="button" className="button" disabled={!current || busy} onClick={() => current && apply(current)}>
              {t("clientsList.savedApply")}
            </button>
            <button type="button" className="button button--danger-quiet" disabled={!current || busy}
              aria-label={current ? t("clientsList.savedDeleteNamed", { name: current.name }) : undefined}
              onClick={() => { if (current) void remove(current); }}>
              {t("clientsList.savedDelete")}
            </button>
          </div>
        </div>
      ) : data ? <p className="field__hint">{t("clientsList.savedNone")}</p> : null}

      <form className="form-row form-row--wrap" onSubmit={save} noValidate>
        <div className={`field${nameError ? " field--invalid" : ""}`}>
          <label htmlFor="saved-filter-name">{t("clientsList.savedName")}</label>
          {nameError ? (
            <p id="saved-filter-name-error" className="field__error"><span aria-hidden="true">⚠ </span>{nameError}</p>
          ) : null}
          <input id="saved-filter-name" value={name} maxLength={80} autoComplete="off"
            aria-invalid={nameError ? true : undefined} aria-describedby={nameError ? "saved-filter-name-error" : undefined}
            onChange={(e) => { setName(e.target.value); setNameError(""); }} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy || isEmptyFilter(filter)}>{t("clientsList.savedSave")}</button>
        </div>
      </form>
      {isEmptyFilter(filter) ? <p className="field__hint">{t("clientsList.savedNeedsFilter")}</p> : null}
      <p role="status" className={message?.tone === "error" ? "field__error" : "saved-status"}>{message?.text ?? ""}</p>
    </section>
  );
}
