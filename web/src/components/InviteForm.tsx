// Inviting someone by e-mail (a colleague of the firm's back office, a person of a company
// customer): name, e-mail, the role(s) the page asks for, the e-mail's language. The page gives the
// words, its role picker, its checks and the call; this form keeps the values, the error summary
// with the focus on it, and the busy state, the same way on every page that invites.
import { useState, type FormEvent, type ReactNode } from "react";
import { ProblemError } from "../api";
import { LANGUAGES, LANGUAGE_NAMES } from "../i18n/catalogue";
import { useI18n, type I18n } from "../i18n/I18nProvider";
import { ErrorSummary, type SummaryItem } from "./ErrorSummary";
import { Field } from "./Field";

/** What every invitation has; a page adds its role field(s). */
export type InviteBase = { display_name: string; email: string; locale: string };

export type InviteTexts = {
  title: string;
  intro: string;
  errorTitle: string;
  name: string;
  emailHint: string;
  locale: string;
  submit: string;
  busy: string;
};

type Errors<V> = Partial<Record<keyof V & string, string>>;

export type InviteFormProps<V extends InviteBase, R> = {
  /** Prefix of the ids (`<idPrefix>-<field>`) and the test id. */
  idPrefix: string;
  texts: InviteTexts;
  /** The fields in the order of the form, for the error summary. */
  fields: readonly (keyof V & string)[];
  empty: (locale: string) => V;
  check: (values: V, t: I18n["t"]) => Errors<V>;
  /** The call; its problem (a ProblemError) is split into field and general messages by `problems`. */
  send: (values: V) => Promise<R>;
  problems: (error: ProblemError, i18n: I18n) => { fields: Errors<V>; general: string[] };
  /** The role picker, between the e-mail and the language. */
  roles: (values: V, update: (changes: Partial<V>) => void, errors: Errors<V>) => ReactNode;
  onInvited: (result: R) => void;
};

export function InviteForm<V extends InviteBase, R>(props: InviteFormProps<V, R>) {
  const { idPrefix, texts, fields } = props;
  const i18n = useI18n();
  const { t } = i18n;
  const [values, setValues] = useState<V>(() => props.empty(i18n.language));
  const [errors, setErrors] = useState<Errors<V>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [focusKey, setFocusKey] = useState(0);

  function fail(found: Errors<V>, messages: string[] = []) {
    setErrors(found);
    setGeneral(messages);
    setFocusKey((k) => k + 1);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = props.check(values, t);
    if (Object.keys(found).length) return fail(found);
    setBusy(true);
    try {
      const result = await props.send(values);
      setErrors({});
      setGeneral([]);
      setValues(props.empty(values.locale));
      props.onInvited(result);
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      const split = props.problems(error, i18n);
      fail(split.fields, split.general);
    } finally {
      setBusy(false);
    }
  }

  const update = (changes: Partial<V>) => setValues((v) => ({ ...v, ...changes }));
  const set = (field: keyof InviteBase) => (event: { target: { value: string } }) =>
    update({ [field]: event.target.value } as Partial<V>);
  const errorOf = (field: keyof InviteBase) => errors[field as keyof V & string];
  const items: SummaryItem[] = [
    ...general.map((message) => ({ message })),
    ...fields.filter((f) => errors[f]).map((f) => ({ fieldId: `${idPrefix}-${f}`, message: errors[f] ?? "" })),
  ];

  return (
    <section className="card card--form-wide" aria-labelledby={`${idPrefix}-title`} data-testid={idPrefix}>
      <h2 id={`${idPrefix}-title`}>{texts.title}</h2>
      <p>{texts.intro}</p>
      <ErrorSummary id={`${idPrefix}-errors`} title={texts.errorTitle} items={items} focusKey={focusKey} />
      <form className="form" noValidate onSubmit={(e) => { void submit(e); }}>
        <div className="form-row">
          <Field id={`${idPrefix}-display_name`} name="display_name" label={texts.name}
            error={errorOf("display_name")} required>
            {(field) => <input {...field} type="text" autoComplete="off" value={values.display_name}
              onChange={set("display_name")} />}
          </Field>
          <Field id={`${idPrefix}-email`} name="email" label={t("field.email")} hint={texts.emailHint}
            error={errorOf("email")} required>
            {(field) => <input {...field} type="email" inputMode="email" autoComplete="off" spellCheck={false}
              value={values.email} onChange={set("email")} />}
          </Field>
        </div>
        {props.roles(values, update, errors)}
        <Field id={`${idPrefix}-locale`} name="locale" label={texts.locale} error={errorOf("locale")}>
          {(field) => (
            <select {...field} value={values.locale} onChange={set("locale")}>
              {LANGUAGES.map((code) => <option key={code} value={code} lang={code}>{LANGUAGE_NAMES[code]}</option>)}
            </select>
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? texts.busy : texts.submit}
          </button>
        </div>
      </form>
    </section>
  );
}
