// /app/support/tickets/:id: a ticket and its conversation, oldest first, with each message's files
// to download. Customers and staff reply (with files); staff also write internal notes (never shown
// to the customer), assign the ticket and change its status. The other side is told by e-mail.
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { Link, useLocation, useParams } from "react-router";
import { api, ProblemError } from "../api";
import { isStaff } from "../api/types";
import { formData, sendForm } from "../api/upload";
import { Field } from "../components/Field";
import { FilePicker } from "../components/FilePicker";
import { Notice } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import { useI18n } from "../i18n/I18nProvider";
import { fieldMessage, problemMessage } from "../i18n/problems";
import { useSession } from "../session/SessionProvider";
import { StatusBadge } from "./SupportPage";
import {
  DOCUMENT_ACCEPT, TICKET_STATUSES, eventText, filesProblem, formatSize, paragraphsOf, statusLabel, typeLabel,
  type Thread, type TicketMessage,
} from "./supportView";

interface Assignee { id: string; display_name: string }

function MessageItem({ ticketId, message }: { ticketId: string; message: TicketMessage }) {
  const i18n = useI18n();
  const { t, formatDateTime, language } = i18n;
  if (message.kind === "event") {
    return (
      <li className="conversation__event">
        {eventText(i18n, message.body, message.author_name)} · <time dateTime={message.created_at}>
          {formatDateTime(message.created_at)}</time>
      </li>
    );
  }
  const note = message.kind === "note";
  return (
    <li className={`card conversation__message conversation__message--${note ? "note" : message.author_side}`}>
      <p className="conversation__author">
        <strong>{message.author_name || t(`ticket.side.${message.author_side}`)}</strong>
        {note ? <span className="badge">{t("ticket.internalNote")}</span> : null}
        {" · "}<time dateTime={message.created_at}>{formatDateTime(message.created_at)}</time>
      </p>
      {paragraphsOf(message.body).map((paragraph, index) => <p key={index} className="news-body">{paragraph}</p>)}
      {message.attachments.length ? (
        <ul className="file-list" aria-label={t("ticket.files")}>
          {message.attachments.map((file) => (
            <li key={file.id}>
              <a href={`/api/v1/tickets/${ticketId}/attachments/${file.id}`} download={file.file_name}>
                {file.file_name}</a> ({formatSize(file.size, language)})
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function ReplyForm({ ticketId, staff, closed, onSent }: {
  ticketId: string; staff: boolean; closed: boolean; onSent: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [body, setBody] = useState("");
  const [internal, setInternal] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<{ body?: string; attachments?: string }>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [inputKey, setInputKey] = useState(0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const fileProblem = filesProblem(files);
    if (!body.trim() && !files.length) return setErrors({ body: t("ticket.required.body") });
    if (fileProblem) return setErrors({ attachments: t(fileProblem) });
    setBusy(true);
    setErrors({});
    setProblem(null);
    try {
      await sendForm("POST", `/tickets/${ticketId}/messages`,
        formData({ body, internal: staff && internal }, { attachments: files }));
      setBody("");
      setFiles([]);
      setInternal(false);
      setInputKey((k) => k + 1);
      onSent();
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      const found: { body?: string; attachments?: string } = {};
      for (const p of error.errors) {
        if (p.field.endsWith("attachments")) found.attachments = fieldMessage(p, i18n);
        else found.body = fieldMessage(p, i18n);
      }
      setErrors(found);
      if (!error.errors.length) setProblem(problemMessage(error, i18n));
    } finally {
      setBusy(false);
    }
  }

  if (closed) return <Notice tone="info">{t("ticket.closedNotice")}</Notice>;
  return (
    <section className="card card--form-wide" aria-labelledby="reply-title">
      <h2 id="reply-title">{t("ticket.reply")}</h2>
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      <form className="form" noValidate onSubmit={(e) => { void submit(e); }}>
        <Field id="reply-body" name="body" label={t("ticket.message")} error={errors.body}>
          {(props) => <textarea {...props} rows={5} maxLength={10000} value={body}
            onChange={(e) => setBody(e.target.value)} />}
        </Field>
        <FilePicker id="reply-attachments" name="attachments" label={t("support.attachments")} hint={t("files.hint")}
          error={errors.attachments} accept={DOCUMENT_ACCEPT} multiple files={files} onChange={setFiles}
          inputKey={inputKey} />
        {staff ? (
          <div className="checkbox">
            <input id="reply-internal" type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)}
              aria-describedby="reply-internal-hint" />
            <label htmlFor="reply-internal">{t("ticket.internal")}</label>
            <p id="reply-internal-hint" className="field__hint">{t("ticket.internalHint")}</p>
          </div>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t("support.sending") : internal ? t("ticket.saveNote") : t("ticket.send")}
          </button>
        </div>
      </form>
    </section>
  );
}

function StaffControls({ thread, onChanged }: { thread: Thread; onChanged: (thread: Thread) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [assignees, setAssignees] = useState<Assignee[]>([]);
  const [status, setStatus] = useState(thread.ticket.status);
  const [assignee, setAssignee] = useState(thread.ticket.assignee_id ?? "");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setStatus(thread.ticket.status);
    setAssignee(thread.ticket.assignee_id ?? "");
  }, [thread.ticket.status, thread.ticket.assignee_id]);
  useEffect(() => {
    void api.get<{ items: Assignee[] }>("/support/assignees").then((a) => setAssignees(a.items)).catch(() => {});
  }, []);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await api.patch(`/tickets/${thread.ticket.id}`, { status, assignee_id: assignee || null });
      onChanged(await api.get<Thread>(`/tickets/${thread.ticket.id}`));
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      setProblem(error.errors.length ? fieldMessage(error.errors[0]!, i18n) : problemMessage(error, i18n));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="filters" onSubmit={(e) => { void save(e); }} aria-labelledby="ticket-manage-title" noValidate>
      <h2 id="ticket-manage-title" className="filters__title">{t("ticket.manage")}</h2>
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      <div className="filters__grid">
        <div className="field">
          <label htmlFor="ticket-status">{t("support.status")}</label>
          <select id="ticket-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            {TICKET_STATUSES.map((s) => <option key={s} value={s}>{statusLabel(i18n, s)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ticket-assignee">{t("ticket.assignee")}</label>
          <select id="ticket-assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
            <option value="">{t("support.unassigned")}</option>
            {assignees.map((a) => <option key={a.id} value={a.id}>{a.display_name}</option>)}
            {assignee && !assignees.some((a) => a.id === assignee)
              ? <option value={assignee}>{thread.ticket.assignee_name}</option> : null}
          </select>
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>{t("ticket.saveChanges")}</button>
      </div>
    </form>
  );
}

export function TicketPage() {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const { id = "" } = useParams();
  const location = useLocation();
  const { state } = useSession();
  const staff = state.status === "authenticated" && isStaff(state.me);
  const [thread, setThread] = useState<Thread | null>(null);
  const [problem, setProblem] = useState<ProblemError | null>(null);

  const load = useCallback(async () => {
    try {
      setThread(await api.get<Thread>(`/tickets/${id}`));
      setProblem(null);
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      setProblem(error);
    }
  }, [id]);
  useEffect(() => { void load(); }, [load]);

  if (problem) return <Notice tone="error">{problemMessage(problem, i18n)}</Notice>;
  if (!thread) return <p className="loading" role="status">{t("app.loading")}</p>;
  const { ticket } = thread;
  const opened = (location.state as { opened?: boolean } | null)?.opened;
  return (
    <div className="stack">
      <p><Link to="/app/support">{staff ? t("support.backToInbox") : t("support.backToList")}</Link></p>
      <div className="page-head">
        <PageTitle>{`#${ticket.number} · ${ticket.subject}`}</PageTitle>
        <p className="ticket-meta">
          <StatusBadge status={ticket.status} /> {typeLabel(i18n, ticket.type)}
          {staff ? <> · {ticket.client_name} ({ticket.opened_by_name})</> : null}
          {" · "}{ticket.assignee_name ? t("support.handledBy", { name: ticket.assignee_name }) : t("support.unassigned")}
          {" · "}{t("ticket.opened", { date: formatDateTime(ticket.created_at) })}
        </p>
      </div>
      {opened ? <Notice tone="success">{t("ticket.openedNotice", { number: ticket.number })}</Notice> : null}
      {staff ? <StaffControls thread={thread} onChanged={setThread} /> : null}
      <ol className="conversation" aria-label={t("ticket.conversation")} data-testid="conversation">
        {thread.messages.map((message) => <MessageItem key={message.id} ticketId={ticket.id} message={message} />)}
      </ol>
      <ReplyForm ticketId={ticket.id} staff={staff} closed={ticket.status === "closed"} onSent={() => { void load(); }} />
    </div>
  );
}
