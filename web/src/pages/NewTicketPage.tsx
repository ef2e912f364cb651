// /app/support/new: a customer opens a ticket (kind, subject, description, up to three files), or,
// with ?type=request_review, requests a review (seed 003: "¿Falta algún proceso o expediente?
// Solicite una revisión": the subject and a description). The server checks everything again and
// its field errors show on the fields.
import { useState, type FormEvent } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { ProblemError } from "../api";
import { formData, sendForm } from "../api/upload";
import { ErrorSummary, type SummaryItem } from "../components/ErrorSummary";
import { Field } from "../components/Field";
import { FilePicker } from "../components/FilePicker";
import { PageTitle } from "../components/PageTitle";
import { useI18n } from "../i18n/I18nProvider";
import { fieldMessage, fieldName, problemMessage } from "../i18n/problems";
import { DOCUMENT_ACCEPT, TICKET_TYPES, filesProblem, typeLabel, type Ticket } from "./supportView";

type FieldName = "type" | "subject" | "description" | "attachments";
const FIELDS: FieldName[] = ["type", "subject", "description", "attachments"];

export function NewTicketPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const review = params.get("type") === "request_review";
  const [type, setType] = useState(review ? "request_review" : "question");
  const [subject, setSubject] = useState("");
  const [description, setDescription] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [focusKey, setFocusKey] = useState(0);

  function fail(found: Partial<Record<FieldName, string>>, messages: string[] = []) {
    setErrors(found);
    setGeneral(messages);
    setFocusKey((k) => k + 1);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Partial<Record<FieldName, string>> = {};
    if (!subject.trim()) found.subject = t("support.required.subject");
    if (!description.trim()) found.description = t("support.required.description");
    const fileProblem = filesProblem(files);
    if (fileProblem) found.attachments = t(fileProblem);
    if (Object.keys(found).length) return fail(found);
    setBusy(true);
    try {
      const ticket = await sendForm<Ticket>("POST", "/tickets",
        formData({ type, subject, description }, { attachments: files }));
      navigate(`/app/support/tickets/${ticket.id}`, { state: { opened: true } });
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      const fields: Partial<Record<FieldName, string>> = {};
      for (const problem of error.errors) {
        const name = fieldName(problem) as FieldName;
        if (FIELDS.includes(name)) fields[name] = [fields[name], fieldMessage(problem, i18n)].filter(Boolean).join(" ");
      }
      fail(fields, Object.keys(fields).length ? [] : [problemMessage(error, i18n)]);
    } finally {
      setBusy(false);
    }
  }

  const items: SummaryItem[] = [
    ...general.map((message) => ({ message })),
    ...FIELDS.filter((f) => errors[f]).map((f) => ({ fieldId: `ticket-${f}`, message: errors[f] ?? "" })),
  ];
  return (
    <div className="stack">
      <div className="page-head">
        <PageTitle>{review ? t("support.reviewTitle") : t("support.newTitle")}</PageTitle>
        <p className="lead">{review ? t("support.reviewIntro") : t("support.newIntro")}</p>
      </div>
      <section className="card card--form-wide">
        <ErrorSummary id="ticket-errors" title={t("support.errorTitle")} items={items} focusKey={focusKey} />
        <form className="form" noValidate onSubmit={(e) => { void submit(e); }}>
          {!review ? (
            <Field id="ticket-type" name="type" label={t("support.type")} error={errors.type} required>
              {(props) => (
                <select {...props} value={type} onChange={(e) => setType(e.target.value)}>
                  {TICKET_TYPES.map((code) => <option key={code} value={code}>{typeLabel(i18n, code)}</option>)}
                </select>
              )}
            </Field>
          ) : null}
          <Field id="ticket-subject" name="subject" label={t("support.subject")}
            hint={review ? t("support.reviewSubjectHint") : undefined} error={errors.subject} required>
            {(props) => <input {...props} type="text" maxLength={200} value={subject}
              onChange={(e) => setSubject(e.target.value)} />}
          </Field>
          <Field id="ticket-description" name="description" label={t("support.description")}
            error={errors.description} required>
            {(props) => <textarea {...props} rows={6} maxLength={10000} value={description}
              onChange={(e) => setDescription(e.target.value)} />}
          </Field>
          <FilePicker id="ticket-attachments" name="attachments" label={t("support.attachments")}
            hint={t("files.hint")} error={errors.attachments} accept={DOCUMENT_ACCEPT} multiple files={files}
            onChange={setFiles} />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t("support.sending") : review ? t("support.reviewSubmit") : t("support.submit")}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
