// /app/admin/staff, for the firm's admins: its staff users (GET /staff-users, "load more" by
// cursor) with filters kept in the URL (name or e-mail, role, status) applied to the rows loaded;
// inviting a colleague (POST /staff-users: name, e-mail, roles explained, the e-mail's language;
// they choose their password from the e-mailed link); changing roles, disabling (after a
// confirmation: their sessions end) and enabling (PATCH /staff-users/{id}). The server refuses
// an admin's own demotion or disabling and the firm's last active admin: the dialog says so.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { api, ProblemError } from "../api";
import { STAFF_ROLES, type Page, type StaffUpdate, type StaffUser } from "../api/types";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { InviteForm } from "../components/InviteForm";
import { pageSizeFrom } from "../components/cursorPages";
import { LoadFailed, LoadMoreButton } from "../components/LoadMore";
import { Notice } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import { useCursorPages } from "../components/useCursorPages";
import { useFocusOnChange } from "../components/useFocusOnChange";
import { useI18n, type I18n } from "../i18n/I18nProvider";
import { fieldMessage, fieldName, problemMessage } from "../i18n/problems";
import { useSession } from "../session/SessionProvider";
import {
  EMPTY_INVITE, INVITE_FIELDS, STAFF_FILTER_NAMES, STAFF_STATUSES, checkInvite, choiceOf, chosenRoles, filtersActive,
  inviteProblems, invitePayload, matchesFilters, replaceUser, roleLabel, rolesChanged, rolesText, staffFiltersFrom,
  statusChange, statusLabel, statusTone, type InviteValues, type RoleChoice, type StaffFilters,
} from "./staffUsersView";

const PAGE_SIZE = 50;

// Messages are kept as functions of the translator so they follow a change of language.
type Flash = { tone: "success" | "error"; text: (i18n: I18n) => string } | null;

/** The three role boxes, each with what the role may do. */
function RoleCheckboxes({ idPrefix, choice, onChange, error, legend, hint }: {
  idPrefix: string; choice: RoleChoice; onChange: (choice: RoleChoice) => void; error?: string;
  legend: string; hint?: string;
}) {
  const { t } = useI18n();
  const describedBy = [error ? `${idPrefix}-error` : "", hint ? `${idPrefix}-hint` : ""].filter(Boolean).join(" ");
  return (
    <fieldset className={`field role-choice${error ? " field--invalid" : ""}`} id={idPrefix} tabIndex={-1}
      aria-describedby={describedBy || undefined}>
      <legend>{legend}</legend>
      {hint ? <p id={`${idPrefix}-hint`} className="field__hint">{hint}</p> : null}
      {error ? <p id={`${idPrefix}-error`} className="field__error"><span aria-hidden="true">⚠ </span>{error}</p> : null}
      {STAFF_ROLES.map((role) => (
        <div key={role} className="checkbox checkbox--top">
          <input id={`${idPrefix}-${role}`} type="checkbox" checked={choice[role]}
            aria-describedby={`${idPrefix}-${role}-help`}
            onChange={(e) => onChange({ ...choice, [role]: e.target.checked })} />
          <div>
            <label htmlFor={`${idPrefix}-${role}`}>{t(`staffRole.${role}`)}</label>
            <p id={`${idPrefix}-${role}-help`} className="field__hint">{t(`staffRoleHelp.${role}`)}</p>
          </div>
        </div>
      ))}
    </fieldset>
  );
}

function InviteSection({ onInvited }: { onInvited: (user: StaffUser) => void }) {
  const { t } = useI18n();
  return (
    <InviteForm<InviteValues, StaffUser>
      idPrefix="staff-invite" fields={INVITE_FIELDS} empty={(locale) => ({ ...EMPTY_INVITE, locale })}
      check={checkInvite} send={(values) => api.post<StaffUser>("/staff-users", invitePayload(values))}
      problems={inviteProblems} onInvited={onInvited}
      texts={{
        title: t("staff.invite"), intro: t("staff.inviteIntro"), errorTitle: t("staff.inviteErrorTitle"),
        name: t("staff.inviteName"), emailHint: t("staff.inviteEmailHint"), locale: t("staff.inviteLocale"),
        submit: t("staff.inviteSubmit"), busy: t("staff.inviting"),
      }}
      roles={(values, update, errors) => (
        <RoleCheckboxes idPrefix="staff-invite-roles" legend={t("staff.roles")} hint={t("staff.rolesHint")}
          choice={values.roles} error={errors.roles} onChange={(roles) => update({ roles })} />
      )} />
  );
}

/** A change to a colleague (PATCH /staff-users/{id}, or clearing their second factors): the saved
 * user, or the problem to show in the dialog (its box takes the focus: `problemRef`). */
function useStaffUpdate(user: StaffUser, onSaved: (updated: StaffUser) => void) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const problemRef = useFocusOnChange<HTMLDivElement>(problem);
  const path = `/staff-users/${encodeURIComponent(user.id)}`;
  async function run(request: () => Promise<StaffUser>) {
    setBusy(true);
    setProblem(null);
    try {
      onSaved(await request());
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      setProblem(error);
    } finally {
      setBusy(false);
    }
  }
  const save = (update: StaffUpdate) => run(() => api.patch<StaffUser>(path, update));
  const resetSecondFactors = () => run(() => api.post<StaffUser>(`${path}/second-factors/reset`));
  return { busy, problem, problemRef, save, resetSecondFactors };
}

/** The server's refusals (own demotion, last admin) do not change by trying again. */
function final(problem: ProblemError | null): boolean {
  return problem?.status === 409 || problem?.status === 404;
}

function RolesDialog({ user, self, onSaved, onCancel }: {
  user: StaffUser; self: boolean; onSaved: (updated: StaffUser) => void; onCancel: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [choice, setChoice] = useState<RoleChoice>(() => choiceOf(user.roles));
  const [localError, setLocalError] = useState("");
  const { busy, problem, problemRef, save } = useStaffUpdate(user, onSaved);
  const rolesError = localError || (problem?.errors.filter((e) => fieldName(e) === "roles")
    .map((e) => fieldMessage(e, i18n))[0] ?? "");
  const general = problem && !problem.errors.some((e) => fieldName(e) === "roles") ? problemMessage(problem, i18n) : "";

  function submit() {
    if (!chosenRoles(choice).length) {
      setLocalError(t("staff.rolesRequired"));
      document.getElementById("staff-edit-roles")?.focus();
      return;
    }
    setLocalError("");
    if (!rolesChanged(user, choice)) return onCancel();
    void save({ roles: chosenRoles(choice) });
  }

  return (
    <ConfirmDialog id="staff-roles-dialog" tone="plain" describedByBody={false} title={t("staff.rolesTitle", { name: user.display_name })}
      busy={busy} confirmLabel={final(problem) ? undefined : t("staff.saveRoles")} busyLabel={t("staff.saving")}
      cancelLabel={final(problem) ? t("staff.back") : t("clientForm.cancel")}
      onConfirm={final(problem) ? undefined : submit} onCancel={onCancel}>
      {self ? <p>{t("staff.ownRolesNote")}</p> : null}
      {general ? <div ref={problemRef} tabIndex={-1} className="focus-target"><Notice tone="error">{general}</Notice></div> : null}
      <RoleCheckboxes idPrefix="staff-edit-roles" legend={t("staff.roles")} choice={choice} error={rolesError}
        onChange={setChoice} />
    </ConfirmDialog>
  );
}

function DisableDialog({ user, onSaved, onCancel }: {
  user: StaffUser; onSaved: (updated: StaffUser) => void; onCancel: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { busy, problem, problemRef, save } = useStaffUpdate(user, onSaved);
  return (
    <ConfirmDialog id="staff-disable-dialog" title={t("staff.disableTitle", { name: user.display_name })} busy={busy}
      confirmLabel={final(problem) ? undefined : t("staff.disableYes")} busyLabel={t("staff.disabling")}
      cancelLabel={final(problem) ? t("staff.back") : t("clientForm.cancel")}
      onConfirm={final(problem) ? undefined : () => { void save({ status: "disabled" }); }} onCancel={onCancel}>
      {problem ? (
        <div ref={problemRef} tabIndex={-1} className="focus-target"><Notice tone="error">{problemMessage(problem, i18n)}</Notice></div>
      ) : <p>{t("staff.disableText")}</p>}
    </ConfirmDialog>
  );
}

/** A colleague who lost their phone or security key: their app, recovery codes and passkeys go. */
function ResetSecondFactorsDialog({ user, onSaved, onCancel }: {
  user: StaffUser; onSaved: (updated: StaffUser) => void; onCancel: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { busy, problem, problemRef, resetSecondFactors } = useStaffUpdate(user, onSaved);
  return (
    <ConfirmDialog id="staff-mfa-reset-dialog" title={t("staff.resetMfaTitle", { name: user.display_name })} busy={busy}
      confirmLabel={final(problem) ? undefined : t("staff.resetMfaYes")} busyLabel={t("staff.saving")}
      cancelLabel={final(problem) ? t("staff.back") : t("clientForm.cancel")}
      onConfirm={final(problem) ? undefined : () => { void resetSecondFactors(); }} onCancel={onCancel}>
      {problem ? (
        <div ref={problemRef} tabIndex={-1} className="focus-target"><Notice tone="error">{problemMessage(problem, i18n)}</Notice></div>
      ) : <p>{t("staff.resetMfaText")}</p>}
    </ConfirmDialog>
  );
}

type EditKind = "roles" | "disable" | "resetMfa";
type Editing = { kind: EditKind; user: StaffUser } | null;

function StaffFiltersForm({ filters, onApply }: { filters: StaffFilters; onApply: (next: StaffFilters) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [draft, setDraft] = useState<StaffFilters>(filters);
  useEffect(() => setDraft(filters), [filters]);
  const set = (name: keyof StaffFilters) => (event: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [name]: event.target.value }));
  return (
    <form className="filters" aria-labelledby="staff-filters-title" noValidate
      onSubmit={(e) => { e.preventDefault(); onApply({ ...draft, q: draft.q.trim() }); }}>
      <h2 id="staff-filters-title" className="filters__title">{t("staff.filters")}</h2>
      <div className="filters__grid">
        <div className="field">
          <label htmlFor="staff-q">{t("staff.search")}</label>
          <input id="staff-q" name="q" type="search" value={draft.q} onChange={set("q")} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="staff-role">{t("staff.role")}</label>
          <select id="staff-role" name="role" value={draft.role} onChange={set("role")}>
            <option value="">{t("audit.any")}</option>
            {STAFF_ROLES.map((role) => <option key={role} value={role}>{roleLabel(i18n, role)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="staff-status">{t("staff.status")}</label>
          <select id="staff-status" name="status" value={draft.status} onChange={set("status")}>
            <option value="">{t("audit.any")}</option>
            {STAFF_STATUSES.map((status) => <option key={status} value={status}>{statusLabel(i18n, status)}</option>)}
          </select>
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary">{t("audit.apply")}</button>
        {filtersActive(filters) ? <Link className="button" to="/app/admin/staff">{t("audit.clear")}</Link> : null}
      </div>
    </form>
  );
}

export function StaffUsersPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { state } = useSession();
  const [params, setParams] = useSearchParams();
  const paramsKey = params.toString();
  const filters = useMemo(() => staffFiltersFrom(new URLSearchParams(paramsKey)), [paramsKey]);
  const limit = pageSizeFrom(params.get("limit"), PAGE_SIZE, 200);
  const [flash, setFlash] = useState<Flash>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [enabling, setEnabling] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const flashRef = useRef<HTMLDivElement>(null);
  const fetchPage = useCallback((cursor: string | undefined, signal?: AbortSignal) =>
    api.get<Page<StaffUser>>("/staff-users", { query: { limit, cursor }, signal }), [limit]);
  const { items, setItems, cursor, status, loadError, tableRef, reload, loadMore } = useCursorPages(fetchPage);
  if (state.status !== "authenticated") return null;
  const me = state.me;
  const shown = items.filter((user) => matchesFilters(user, filters));

  function say(next: Flash) {
    setFlash(next);
    window.setTimeout(() => flashRef.current?.focus(), 0);
  }

  function apply(next: StaffFilters) {
    const query = new URLSearchParams();
    for (const name of STAFF_FILTER_NAMES) if (next[name]) query.set(name, next[name]);
    if (params.get("limit")) query.set("limit", String(limit));
    setFlash(null);
    setParams(query);
  }

  function open(kind: EditKind, user: StaffUser, button: HTMLButtonElement) {
    opener.current = button;
    setFlash(null);
    setEditing({ kind, user });
  }

  function cancel() {
    setEditing(null);
    window.setTimeout(() => opener.current?.focus(), 0);
  }

  function saved(updated: StaffUser) {
    const kind = editing?.kind;
    setEditing(null);
    setItems((list) => replaceUser(list, updated));
    if (kind === "disable") say({ tone: "success", text: (i) => i.t("staff.disabled", { name: updated.display_name }) });
    else if (kind === "resetMfa") say({ tone: "success", text: (i) => i.t("staff.mfaReset", { name: updated.display_name }) });
    else say({ tone: "success", text: (i) => i.t("staff.rolesSaved", { name: updated.display_name, roles: rolesText(i, updated.roles) }) });
  }

  async function enable(user: StaffUser) {
    setEnabling(user.id);
    setFlash(null);
    try {
      const updated = await api.patch<StaffUser>(`/staff-users/${encodeURIComponent(user.id)}`, statusChange(user));
      setItems((list) => replaceUser(list, updated));
      say({ tone: "success", text: (i) => i.t("staff.enabled", { name: updated.display_name }) });
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      const problem = error;
      say({ tone: "error", text: (i) => `${user.display_name}: ${problemMessage(problem, i)}` });
    } finally {
      setEnabling(null);
    }
  }

  function invited(user: StaffUser) {
    say({ tone: "success", text: (i) => i.t("staff.invited", { name: user.display_name, email: user.email }) });
    reload();
  }

  const active = filtersActive(filters);
  const countText = status === "loading" ? t("app.loading") : status === "error" ? ""
    : !shown.length ? t(active ? "staff.emptyFiltered" : "staff.empty")
      : active ? i18n.plural("staff.countFiltered", shown.length, { loaded: i18n.formatNumber(items.length) })
        : i18n.plural("staff.count", shown.length, { count: i18n.formatNumber(shown.length) });

  return (
    <div className="stack">
      <div className="page-head">
        <PageTitle>{t("staff.title")}</PageTitle>
        <p className="lead">{t("staff.intro", { firm: me.tenant.name })}</p>
      </div>

      {flash ? (
        <div ref={flashRef} tabIndex={-1} className="focus-target">
          <Notice tone={flash.tone}>{flash.text(i18n)}</Notice>
        </div>
      ) : null}

      <StaffFiltersForm filters={filters} onApply={apply} />
      <LoadFailed problem={loadError} onRetry={reload} />
      <p className="result-count" role="status" aria-live="polite">{countText}</p>
      {active && cursor ? <p className="field__hint">{t("staff.moreToSearch")}</p> : null}

      {shown.length ? (
        <table className="responsive-table" ref={tableRef} role="table" data-testid="staff-table">
          <caption className="visually-hidden">{t("staff.tableCaption")}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">{t("field.name")}</th>
              <th scope="col" role="columnheader">{t("field.email")}</th>
              <th scope="col" role="columnheader">{t("staff.roles")}</th>
              <th scope="col" role="columnheader">{t("staff.status")}</th>
              <th scope="col" role="columnheader">{t("mfa.title")}</th>
              <th scope="col" role="columnheader">{t("field.actions")}</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {shown.map((user) => {
              const tone = statusTone(user.status);
              const self = user.id === me.user_id;
              return (
                <tr key={user.id} role="row" tabIndex={-1} data-user-id={user.id} data-row-index={items.indexOf(user)}>
                  <th scope="row" role="rowheader" data-label={t("field.name")}>
                    {user.display_name}
                    {self ? <> <span className="pill pill--neutral">{t("staff.you")}</span></> : null}
                  </th>
                  <td role="cell" data-label={t("field.email")} className="cell--wrap">{user.email}</td>
                  <td role="cell" data-label={t("staff.roles")}>{rolesText(i18n, user.roles)}</td>
                  <td role="cell" data-label={t("staff.status")}>
                    <span className={`pill pill--${tone}`}>
                      {tone === "neutral" ? null : <span aria-hidden="true">{tone === "yes" ? "✓ " : "✗ "}</span>}
                      {statusLabel(i18n, user.status)}
                    </span>
                  </td>
                  <td role="cell" data-label={t("mfa.title")}>{user.mfa_enabled ? t("mfa.on") : t("mfa.off")}</td>
                  <td role="cell" data-label={t("field.actions")}>
                    <div className="row-actions">
                      <button type="button" className="button button--small"
                        aria-label={t("staff.changeRolesFor", { name: user.display_name })}
                        onClick={(e) => open("roles", user, e.currentTarget)}>{t("staff.changeRoles")}</button>
                      {user.status === "disabled" ? (
                        <button type="button" className="button button--small" disabled={enabling === user.id}
                          aria-label={t("staff.enableFor", { name: user.display_name })}
                          onClick={() => { void enable(user); }}>
                          {enabling === user.id ? t("staff.enabling") : t("staff.enable")}
                        </button>
                      ) : (
                        <button type="button" className="button button--small button--danger-quiet"
                          aria-label={t("staff.disableFor", { name: user.display_name })}
                          onClick={(e) => open("disable", user, e.currentTarget)}>{t("staff.disable")}</button>
                      )}
                      {self ? null : (
                        <button type="button" className="button button--small"
                          aria-label={t("staff.resetMfaFor", { name: user.display_name })}
                          onClick={(e) => open("resetMfa", user, e.currentTarget)}>{t("staff.resetMfa")}</button>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}

      <LoadMoreButton cursor={cursor} status={status} onMore={loadMore} />

      <InviteSection onInvited={invited} />

      {editing?.kind === "roles" ? (
        <RolesDialog user={editing.user} self={editing.user.id === me.user_id} onSaved={saved} onCancel={cancel} />
      ) : null}
      {editing?.kind === "disable" ? <DisableDialog user={editing.user} onSaved={saved} onCancel={cancel} /> : null}
      {editing?.kind === "resetMfa" ? (
        <ResetSecondFactorsDialog user={editing.user} onSaved={saved} onCancel={cancel} />
      ) : null}
    </div>
  );
}
