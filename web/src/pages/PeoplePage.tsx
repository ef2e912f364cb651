// /app/people, for a company customer's admins (`client-members:manage` in /me): the people of
// their company (GET /me/client/members) with their role, status and last sign-in; inviting a
// colleague (POST: name, e-mail, one role with what it allows, the e-mail's language; they choose
// their password from the e-mailed link); changing a role (PATCH) and removing someone's access
// (DELETE, after a confirmation: their login closes). A company always keeps an admin: the page
// says so instead of offering what the server would refuse. Anyone else gets "page not found".
import { useCallback, useEffect, useRef, useState } from "react";
import { api, ProblemError } from "../api";
import { CLIENT_ROLES, type ClientMember, type ClientRole, type Me } from "../api/types";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { InviteForm } from "../components/InviteForm";
import { Notice } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import { useFocusOnChange } from "../components/useFocusOnChange";
import { useI18n, type I18n } from "../i18n/I18nProvider";
import { problemMessage } from "../i18n/problems";
import { can } from "../session/permissions";
import { useSession } from "../session/SessionProvider";
import {
  INVITE_FIELDS, checkInvite, emptyInvite, inviteProblems, invitePayload, isClientRole, isLastAdmin, replaceMember,
  roleHelp, roleLabel, sortMembers, statusLabel, withoutMember, type InviteValues,
} from "./membersView";
import { NotFoundPage } from "./NotFoundPage";

const MEMBERS = "/me/client/members";

// Messages are kept as functions of the translator so they follow a change of language.
type Flash = { tone: "success" | "error"; text: (i18n: I18n) => string } | null;

/** One role to choose, each with what it allows (a radio group). */
function RoleRadios({ idPrefix, value, onChange, error, legend, hint }: {
  idPrefix: string; value: ClientRole | ""; onChange: (role: ClientRole) => void; error?: string;
  legend: string; hint?: string;
}) {
  const i18n = useI18n();
  const describedBy = [error ? `${idPrefix}-error` : "", hint ? `${idPrefix}-hint` : ""].filter(Boolean).join(" ");
  return (
    <fieldset className={`field role-choice${error ? " field--invalid" : ""}`} id={idPrefix} tabIndex={-1}
      aria-describedby={describedBy || undefined}>
      <legend>{legend}</legend>
      {hint ? <p id={`${idPrefix}-hint`} className="field__hint">{hint}</p> : null}
      {error ? <p id={`${idPrefix}-error`} className="field__error"><span aria-hidden="true">⚠ </span>{error}</p> : null}
      {CLIENT_ROLES.map((role) => (
        <div key={role} className="checkbox checkbox--top">
          <input id={`${idPrefix}-${role}`} type="radio" name={idPrefix} value={role} checked={value === role}
            aria-describedby={`${idPrefix}-${role}-help`} onChange={() => onChange(role)} />
          <div>
            <label htmlFor={`${idPrefix}-${role}`}>{roleLabel(i18n, role)}</label>
            <p id={`${idPrefix}-${role}-help`} className="field__hint">{roleHelp(i18n, role)}</p>
          </div>
        </div>
      ))}
    </fieldset>
  );
}

function InviteSection({ onInvited }: { onInvited: (member: ClientMember) => void }) {
  const { t } = useI18n();
  return (
    <InviteForm<InviteValues, ClientMember>
      idPrefix="member-invite" fields={INVITE_FIELDS} empty={emptyInvite} check={checkInvite}
      send={(values) => api.post<ClientMember>(MEMBERS, invitePayload(values))} problems={inviteProblems}
      onInvited={onInvited}
      texts={{
        title: t("members.invite"), intro: t("members.inviteIntro"), errorTitle: t("members.inviteErrorTitle"),
        name: t("members.inviteName"), emailHint: t("members.inviteEmailHint"), locale: t("members.inviteLocale"),
        submit: t("members.inviteSubmit"), busy: t("members.inviting"),
      }}
      roles={(values, update, errors) => (
        <RoleRadios idPrefix="member-invite-client_role" legend={t("members.role")} hint={t("members.inviteRoleHint")}
          value={values.client_role} error={errors.client_role} onChange={(client_role) => update({ client_role })} />
      )} />
  );
}

/** A change of one person: busy while it runs, the problem to show in the dialog otherwise (its
 * box takes the focus). A 404 or 409 does not change by trying again: only "back" is left. */
function useMemberChange<T>(run: () => Promise<T>, onDone: (result: T) => void) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const problemRef = useFocusOnChange<HTMLDivElement>(problem);
  async function go() {
    setBusy(true);
    setProblem(null);
    try {
      onDone(await run());
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      setProblem(error);
    } finally {
      setBusy(false);
    }
  }
  const final = problem?.status === 409 || problem?.status === 404;
  return { busy, problem, problemRef, go, final };
}

function RoleDialog({ person, self, onSaved, onCancel }: {
  person: ClientMember; self: boolean; onSaved: (updated: ClientMember) => void; onCancel: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [role, setRole] = useState<ClientRole | "">(isClientRole(person.client_role) ? person.client_role : "");
  const change = useMemberChange(
    () => api.patch<ClientMember>(`${MEMBERS}/${encodeURIComponent(person.id)}`, { client_role: role }), onSaved);
  return (
    <ConfirmDialog id="member-role-dialog" tone="plain" title={t("members.roleTitle", { name: person.display_name })}
      busy={change.busy} confirmLabel={change.final ? undefined : t("members.saveRole")} busyLabel={t("members.saving")}
      cancelLabel={change.final ? t("members.back") : t("clientForm.cancel")}
      onConfirm={change.final ? undefined : () => { if (!role || role === person.client_role) onCancel(); else void change.go(); }}
      onCancel={onCancel}>
      {self ? <p>{t("members.ownRoleNote")}</p> : null}
      {change.problem ? (
        <div ref={change.problemRef} tabIndex={-1} className="focus-target">
          <Notice tone="error">{problemMessage(change.problem, i18n)}</Notice>
        </div>
      ) : null}
      <RoleRadios idPrefix="member-edit-role" legend={t("members.role")} value={role} onChange={setRole} />
    </ConfirmDialog>
  );
}

function RemoveDialog({ person, self, onRemoved, onCancel }: {
  person: ClientMember; self: boolean; onRemoved: () => void; onCancel: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const change = useMemberChange(() => api.del<void>(`${MEMBERS}/${encodeURIComponent(person.id)}`), onRemoved);
  return (
    <ConfirmDialog id="member-remove-dialog" title={t("members.removeTitle", { name: person.display_name })}
      busy={change.busy} confirmLabel={change.final ? undefined : t("members.removeYes")}
      busyLabel={t("members.removing")} cancelLabel={change.final ? t("members.back") : t("clientForm.cancel")}
      onConfirm={change.final ? undefined : () => { void change.go(); }} onCancel={onCancel}>
      {change.problem ? (
        <div ref={change.problemRef} tabIndex={-1} className="focus-target">
          <Notice tone="error">{problemMessage(change.problem, i18n)}</Notice>
        </div>
      ) : <p>{self ? t("members.removeOwnText") : t("members.removeText")}</p>}
    </ConfirmDialog>
  );
}

type Editing = { kind: "role" | "remove"; person: ClientMember } | null;

function PeopleManager({ me, onOwnAccessChanged }: { me: Me; onOwnAccessChanged: () => void }) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const [people, setPeople] = useState<ClientMember[] | null>(null);
  const [loadError, setLoadError] = useState<ProblemError | null>(null);
  const [flash, setFlash] = useState<Flash>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const flashRef = useRef<HTMLDivElement>(null);

  const load = useCallback(async (signal?: AbortSignal) => {
    setLoadError(null);
    try {
      setPeople((await api.get<{ items: ClientMember[] }>(MEMBERS, { signal })).items);
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") return;
      if (!(error instanceof ProblemError)) throw error;
      setLoadError(error);
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  function say(next: Flash) {
    setFlash(next);
    window.setTimeout(() => flashRef.current?.focus(), 0);
  }

  function open(kind: "role" | "remove", person: ClientMember, button: HTMLButtonElement) {
    opener.current = button;
    setFlash(null);
    setEditing({ kind, person });
  }

  function cancel() {
    setEditing(null);
    window.setTimeout(() => opener.current?.focus(), 0);
  }

  function roleSaved(updated: ClientMember) {
    setEditing(null);
    setPeople((list) => replaceMember(list ?? [], updated, i18n.language));
    say({ tone: "success", text: (i) => i.t("members.roleSaved", { name: updated.display_name, role: roleLabel(i, updated.client_role) }) });
    if (updated.id === me.user_id) onOwnAccessChanged(); // their own rights changed: /me again
  }

  function removed(person: ClientMember) {
    setEditing(null);
    if (person.id === me.user_id) return onOwnAccessChanged(); // their login is closed: off to the sign-in page
    setPeople((list) => withoutMember(list ?? [], person.id));
    say({ tone: "success", text: (i) => i.t("members.removed", { name: person.display_name }) });
  }

  function invited(member: ClientMember) {
    setPeople((list) => sortMembers([...(list ?? []), member], i18n.language));
    say({ tone: "success", text: (i) => i.t("members.invited", { name: member.display_name, email: member.email }) });
  }

  const lastAdmin = people?.find((person) => isLastAdmin(people, person));
  return (
    <div className="stack">
      <div className="page-head">
        <PageTitle>{t("members.title")}</PageTitle>
        <p className="lead">{t("members.intro")}</p>
      </div>

      {flash ? (
        <div ref={flashRef} tabIndex={-1} className="focus-target">
          <Notice tone={flash.tone}>{flash.text(i18n)}</Notice>
        </div>
      ) : null}

      {loadError ? (
        <Notice tone="error">
          {problemMessage(loadError, i18n)}{" "}
          <button type="button" className="button button--small" onClick={() => { void load(); }}>{t("app.retry")}</button>
        </Notice>
      ) : null}
      <p className="result-count" role="status" aria-live="polite">
        {people === null ? (loadError ? "" : t("app.loading"))
          : i18n.plural("members.count", people.length, { count: i18n.formatNumber(people.length) })}
      </p>

      {people?.length ? (
        <table className="responsive-table" role="table" data-testid="members-table">
          <caption className="visually-hidden">{t("members.tableCaption")}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">{t("field.name")}</th>
              <th scope="col" role="columnheader">{t("field.email")}</th>
              <th scope="col" role="columnheader">{t("members.role")}</th>
              <th scope="col" role="columnheader">{t("members.status")}</th>
              <th scope="col" role="columnheader">{t("members.lastLogin")}</th>
              <th scope="col" role="columnheader">{t("field.actions")}</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {people.map((person) => {
              const self = person.id === me.user_id;
              const locked = isLastAdmin(people, person);
              return (
                <tr key={person.id} role="row" data-member-id={person.id}>
                  <th scope="row" role="rowheader" data-label={t("field.name")}>
                    {person.display_name}
                    {self ? <> <span className="pill pill--neutral">{t("members.you")}</span></> : null}
                    {person.invited_by_name ? (
                      <span className="field__hint"> · {t("members.invitedBy", { name: person.invited_by_name })}</span>
                    ) : null}
                  </th>
                  <td role="cell" data-label={t("field.email")} className="cell--wrap">{person.email}</td>
                  <td role="cell" data-label={t("members.role")}>{roleLabel(i18n, person.client_role)}</td>
                  <td role="cell" data-label={t("members.status")}>
                    <span className={`pill pill--${person.status === "active" ? "yes" : "neutral"}`}>
                      {person.status === "active" ? <span aria-hidden="true">✓ </span> : null}
                      {statusLabel(i18n, person.status)}
                    </span>
                  </td>
                  <td role="cell" data-label={t("members.lastLogin")}>
                    {person.last_login_at
                      ? <time dateTime={person.last_login_at}>{formatDateTime(person.last_login_at)}</time>
                      : t("members.never")}
                  </td>
                  <td role="cell" data-label={t("field.actions")}>
                    {locked ? null : (
                      <div className="row-actions">
                        <button type="button" className="button button--small"
                          aria-label={t("members.changeRoleFor", { name: person.display_name })}
                          onClick={(e) => open("role", person, e.currentTarget)}>{t("members.changeRole")}</button>
                        <button type="button" className="button button--small button--danger-quiet"
                          aria-label={t("members.removeFor", { name: person.display_name })}
                          onClick={(e) => open("remove", person, e.currentTarget)}>{t("members.remove")}</button>
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {lastAdmin ? <p className="field__hint">{t("members.lastAdminNote")}</p> : null}

      <InviteSection onInvited={invited} />

      {editing?.kind === "role" ? (
        <RoleDialog person={editing.person} self={editing.person.id === me.user_id} onSaved={roleSaved}
          onCancel={cancel} />
      ) : null}
      {editing?.kind === "remove" ? (
        <RemoveDialog person={editing.person} self={editing.person.id === me.user_id}
          onRemoved={() => removed(editing.person)} onCancel={cancel} />
      ) : null}
    </div>
  );
}

export function PeoplePage() {
  const { state, reload } = useSession();
  if (state.status !== "authenticated") return null;
  // The page's existence is not advertised to those who may not use it.
  if (!can(state.me, "client-members:manage")) return <NotFoundPage />;
  return <PeopleManager me={state.me} onOwnAccessChanged={() => { void reload(); }} />;
}
