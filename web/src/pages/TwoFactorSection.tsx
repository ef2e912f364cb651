// Two-step verification of the logged-in user (an authenticator app, TOTP): whether it is on,
// and turning it on (1. the current password → 2. the QR code, or the key in blocks of four, and
// a code from the app → 3. the ten recovery codes, shown once, to copy or download and confirm as
// saved) or off (the current password). On the security page, and alone on
// /app/account/two-factor, where a staff member whose firm requires it is kept until it is done.
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { api, ProblemError } from "../api";
import type { Me, RecoveryCodes, TotpEnrolment } from "../api/types";
import {
  cleanSecondFactorCode, enrolmentCodeProblem, groupSecret, recoveryCodesFile, recoveryCodesFileName, svgDataUri,
} from "../account/twoFactor";
import { ErrorSummary, type SummaryItem } from "../components/ErrorSummary";
import { Field } from "../components/Field";
import { Notice } from "../components/Notice";
import { useFocusOnChange } from "../components/useFocusOnChange";
import { useI18n } from "../i18n/I18nProvider";
import { fieldMessage, fieldName, problemMessage } from "../i18n/problems";
import { useSession } from "../session/SessionProvider";

type Mode =
  | { kind: "idle" }
  | { kind: "password"; purpose: "enable" | "disable" }
  | { kind: "scan"; enrolment: TotpEnrolment }
  | { kind: "codes"; codes: string[]; created: string };

type Step = "password" | "scan" | "codes";
const STEPS: Step[] = ["password", "scan", "codes"];
const STEP_TITLES = { password: "mfa.step.password", scan: "mfa.step.scan", codes: "mfa.step.codes" } as const;

type Errors = Partial<Record<"current" | "code" | "saved", string>>;

function RecoveryCodesStep({ me, codes, created, onFinish, busy, error, Heading }: {
  me: Me; codes: string[]; created: string; onFinish: (saved: boolean) => void; busy: boolean; error?: string;
  Heading: "h3" | "h4";
}) {
  const { t } = useI18n();
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState<"" | "yes" | "no">("");
  const file = useMemo(() => recoveryCodesFile({ codes, created, firm: me.tenant.name, username: me.username }, t),
    [codes, created, me.tenant.name, me.username, t]);
  const [href, setHref] = useState("");
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([file], { type: "text/plain;charset=utf-8" }));
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(codes.join("\n"));
      setCopied("yes");
    } catch {
      setCopied("no");
    }
  }

  return (
    <>
      <p>{t("mfa.codesIntro")}</p>
      <Heading id="mfa-codes-title" className="recovery-codes__title">{t("mfa.codesLabel")}</Heading>
      <ol className="recovery-codes" aria-labelledby="mfa-codes-title" data-testid="recovery-codes">
        {codes.map((code) => <li key={code}><code>{code}</code></li>)}
      </ol>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => { void copy(); }}>{t("mfa.copy")}</button>
        {href ? (
          <a className="button" href={href} download={recoveryCodesFileName(me.tenant.slug, me.username)}>
            {t("mfa.download")}
          </a>
        ) : null}
      </div>
      <div aria-live="polite">
        {copied === "yes" ? <p className="copy-status">{t("mfa.copied")}</p> : null}
        {copied === "no" ? <p className="copy-status">{t("mfa.copyFailed")}</p> : null}
      </div>
      <form className="form" noValidate onSubmit={(e) => { e.preventDefault(); onFinish(saved); }}>
        <div className={`field${error ? " field--invalid" : ""}`}>
          {error ? <p id="mfa-saved-error" className="field__error"><span aria-hidden="true">⚠ </span>{error}</p> : null}
          <div className="checkbox">
            <input id="mfa-saved" type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)}
              aria-invalid={error ? true : undefined} aria-describedby={error ? "mfa-saved-error" : undefined} required />
            <label htmlFor="mfa-saved">{t("mfa.saved")}</label>
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t("mfa.finishing") : t("mfa.finish")}
          </button>
        </div>
      </form>
    </>
  );
}

export function TwoFactorSection({ me, standalone = false }: {
  me: Me;
  /** Alone on its page (the page's h1 names it): no h2 of its own, step titles are h2. */
  standalone?: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { reload, refreshAndReload } = useSession();
  const navigate = useNavigate();
  const forced = me.mfa_enrolment_required;
  const [mode, setMode] = useState<Mode>(() => (forced ? { kind: "password", purpose: "enable" } : { kind: "idle" }));
  const [current, setCurrent] = useState("");
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [flash, setFlash] = useState<"" | "enabled" | "disabled">("");
  const [busy, setBusy] = useState(false);
  const [focusKey, setFocusKey] = useState(0);
  const stepRef = useFocusOnChange<HTMLHeadingElement>(mode.kind === "password" ? `password-${mode.purpose}` : mode.kind);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const flashRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (flash) flashRef.current?.focus();
  }, [flash]);

  function reset(next: Mode) {
    setMode(next);
    setCurrent("");
    setCode("");
    setErrors({});
    setGeneral([]);
  }

  function fail(found: Errors, messages: string[] = []) {
    setErrors(found);
    setGeneral(messages);
    setFocusKey((k) => k + 1);
  }

  /** The API's problem as messages: field errors beside their fields, the rest on top. */
  function handle(error: unknown, fields: Record<string, keyof Errors>, wrongCode?: string) {
    if (!(error instanceof ProblemError)) throw error;
    const found: Errors = {};
    const messages: string[] = [];
    for (const fe of error.errors) {
      const field = fields[fieldName(fe)];
      if (field) found[field] = fe.code === "wrong_code" && wrongCode ? wrongCode : fieldMessage(fe, i18n);
      else messages.push(fieldMessage(fe, i18n));
    }
    if (!error.errors.length) messages.push(problemMessage(error, i18n));
    fail(found, messages);
    return error;
  }

  async function submitPassword(event: FormEvent) {
    event.preventDefault();
    if (mode.kind !== "password") return;
    setFlash("");
    if (!current) return fail({ current: t("security.currentRequired") });
    setBusy(true);
    try {
      if (mode.purpose === "enable") {
        const enrolment = await api.post<TotpEnrolment>("/me/mfa/totp", { current_password: current });
        reset({ kind: "scan", enrolment });
      } else {
        await api.post("/me/mfa/totp/disable", { current_password: current });
        reset({ kind: "idle" });
        setFlash("disabled");
        await reload();
      }
    } catch (error) {
      const problem = handle(error, { current_password: "current" });
      setCurrent("");
      if (problem.code === "mfa_already_enabled" || problem.code === "mfa_not_enabled") void reload();
    } finally {
      setBusy(false);
    }
  }

  async function submitCode(event: FormEvent) {
    event.preventDefault();
    setFlash("");
    const wrong = enrolmentCodeProblem(code);
    if (wrong) return fail({ code: t(wrong) });
    setBusy(true);
    try {
      const answer = await api.post<RecoveryCodes>("/me/mfa/totp/confirm", { code: cleanSecondFactorCode(code) });
      reset({ kind: "codes", codes: answer.codes, created: i18n.formatDateTime(new Date().toISOString()) });
    } catch (error) {
      const problem = handle(error, { code: "code" }, t("mfa.wrongEnrolCode"));
      setCode("");
      if (problem.code === "mfa_enrolment_not_started") {
        setMode({ kind: "password", purpose: "enable" });
      }
    } finally {
      setBusy(false);
    }
  }

  async function finish(saved: boolean) {
    if (!saved) return fail({ saved: t("mfa.savedRequired") });
    setBusy(true);
    try {
      if (forced) {
        // The session's token keeps its set-up-only scope until it is refreshed.
        await refreshAndReload();
        navigate("/app", { replace: true });
        return;
      }
      reset({ kind: "idle" });
      setFlash("enabled");
      await reload();
    } catch (error) {
      handle(error, {});
    } finally {
      setBusy(false);
    }
  }

  function cancel() {
    reset({ kind: "idle" });
    window.setTimeout(() => toggleRef.current?.focus(), 0);
  }

  const step: Step | null = mode.kind === "idle" || (mode.kind === "password" && mode.purpose === "disable")
    ? null : mode.kind;
  const StepHeading = standalone ? "h2" : "h3";
  const SubHeading = standalone ? "h3" : "h4";
  const items: SummaryItem[] = [
    ...general.map((message) => ({ message })),
    ...(["current", "code", "saved"] as const).filter((f) => errors[f])
      .map((f) => ({ fieldId: `mfa-${f}`, message: errors[f] ?? "" })),
  ];
  const on = me.mfa_enabled;

  return (
    <section className="card card--form-wide" aria-labelledby={standalone ? "two-factor-page-title" : "two-factor-title"}
      data-testid="two-factor">
      {standalone ? null : <h2 id="two-factor-title">{t("mfa.title")}</h2>}
      <p>{t("mfa.intro")}</p>
      {forced ? null : (
        <p className="mfa-state">
          <span className={`pill ${on ? "pill--yes" : "pill--no"}`}>
            <span aria-hidden="true">{on ? "✓ " : "✗ "}</span>{t("mfa.state", { state: on ? t("mfa.on") : t("mfa.off") })}
          </span>{" "}
          {on ? t("mfa.onText") : t("mfa.offText")}
        </p>
      )}
      {flash ? (
        <div ref={flashRef} tabIndex={-1} className="focus-target">
          <Notice tone="success">{flash === "enabled" ? t("mfa.enabled") : t("mfa.disabled")}</Notice>
        </div>
      ) : null}

      {mode.kind === "idle" ? (
        <p>
          <button ref={toggleRef} type="button" className={on ? "button" : "button button--primary"}
            onClick={() => { setFlash(""); reset({ kind: "password", purpose: on ? "disable" : "enable" }); }}>
            {on ? t("mfa.turnOff") : t("mfa.setUp")}
          </button>
        </p>
      ) : null}

      {step ? (
        <ol className="steps" aria-label={t("mfa.stepsLabel")}>
          {STEPS.map((s, index) => {
            const currentIndex = STEPS.indexOf(step);
            return (
              <li key={s} className={`steps__item${index === currentIndex ? " steps__item--current" : ""}${index < currentIndex ? " steps__item--done" : ""}`}
                aria-current={index === currentIndex ? "step" : undefined}>
                <span className="steps__number" aria-hidden="true">{index < currentIndex ? "✓" : index + 1}</span>
                <span>{t(STEP_TITLES[s])}{index < currentIndex ? <span className="visually-hidden"> ({t("register.stepDone")})</span> : null}</span>
              </li>
            );
          })}
        </ol>
      ) : null}
      {mode.kind !== "idle" ? (
        <StepHeading ref={stepRef} tabIndex={-1} className="step-title" id="mfa-step-title">
          {step
            ? t("register.stepHeading", { number: STEPS.indexOf(step) + 1, total: STEPS.length, title: t(STEP_TITLES[step]) })
            : t("mfa.turnOff")}
        </StepHeading>
      ) : null}
      <ErrorSummary id="mfa-errors" title={t("mfa.errorTitle")} items={items} focusKey={focusKey} />

      {mode.kind === "password" ? (
        <form className="form" noValidate onSubmit={(e) => { void submitPassword(e); }}>
          <p>{mode.purpose === "enable" ? t("mfa.passwordIntro") : t("mfa.disableIntro")}</p>
          <input type="text" name="username" autoComplete="username" value={me.username} readOnly hidden />
          <Field id="mfa-current" name="current_password" label={t("security.currentPassword")} error={errors.current} required>
            {(props) => <input {...props} type="password" autoComplete="current-password" value={current}
              onChange={(e) => setCurrent(e.target.value)} />}
          </Field>
          <div className="form-actions">
            <button type="submit" className={mode.purpose === "enable" ? "button button--primary" : "button button--danger"}
              disabled={busy}>
              {mode.purpose === "enable"
                ? (busy ? t("mfa.checking") : t("mfa.continue"))
                : (busy ? t("mfa.disabling") : t("mfa.disableSubmit"))}
            </button>
            {forced ? null : <button type="button" className="button" onClick={cancel} disabled={busy}>{t("clientForm.cancel")}</button>}
          </div>
        </form>
      ) : null}

      {mode.kind === "scan" ? (
        <>
          <p>{t("mfa.scanIntro")}</p>
          <p className="qr">
            <img src={svgDataUri(mode.enrolment.qr_svg)} alt={t("mfa.qrAlt", { firm: me.tenant.name })}
              width={200} height={200} />
          </p>
          <div className="manual-key">
            <SubHeading className="manual-key__title">{t("mfa.manualTitle")}</SubHeading>
            <p>{t("mfa.manualText")}</p>
            <p>
              <span id="mfa-secret-label" className="manual-key__label">{t("mfa.secretLabel")}</span>{" "}
              <code className="secret" aria-labelledby="mfa-secret-label" data-testid="mfa-secret">
                {groupSecret(mode.enrolment.secret)}
              </code>
            </p>
            <p className="form-link"><a href={mode.enrolment.otpauth_uri}>{t("mfa.openInApp")}</a></p>
          </div>
          <form className="form" noValidate onSubmit={(e) => { void submitCode(e); }}>
            <Field id="mfa-code" name="code" label={t("mfa.enrolCode")} hint={t("mfa.enrolCodeHint")} error={errors.code} required>
              {(props) => <input {...props} type="text" inputMode="numeric" autoComplete="one-time-code"
                className="input--code" value={code} onChange={(e) => setCode(e.target.value)} />}
            </Field>
            <div className="form-actions">
              <button type="submit" className="button button--primary" disabled={busy}>
                {busy ? t("mfa.activating") : t("mfa.activate")}
              </button>
              {forced ? null : <button type="button" className="button" onClick={cancel} disabled={busy}>{t("clientForm.cancel")}</button>}
            </div>
          </form>
        </>
      ) : null}

      {mode.kind === "codes" ? (
        <RecoveryCodesStep me={me} codes={mode.codes} created={mode.created} busy={busy} error={errors.saved}
          Heading={SubHeading}
          onFinish={(saved) => { void finish(saved); }} />
      ) : null}
    </section>
  );
}
