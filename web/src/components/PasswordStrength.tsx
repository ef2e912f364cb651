// The live strength meter under a new password: POST /auth/password-check ~300 ms after the
// last keystroke (never for an empty field), its score as a level in words on a role="meter"
// bar, and the policy's problems translated, all inside a polite live region so screen-reader
// users hear the verdict without losing their place.
import { useEffect, useState } from "react";
import { api, ProblemError } from "../api";
import type { PasswordVerdict } from "../api/types";
import { PASSWORD_MIN_LENGTH } from "../account/newPassword";
import {
  CHECK_DELAY_MS, englishAdvice, shouldCheck, strengthLevel, strengthProblems, strengthScore,
} from "../account/passwordStrength";
import { useI18n } from "../i18n/I18nProvider";

export function usePasswordCheck(password: string, username = "", email = ""): PasswordVerdict | null {
  const [verdict, setVerdict] = useState<PasswordVerdict | null>(null);
  useEffect(() => {
    if (!shouldCheck(password)) {
      setVerdict(null);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      api.post<PasswordVerdict>("/auth/password-check", { password, username, email },
        { quiet401: true, signal: controller.signal }).then(setVerdict, (error: unknown) => {
        // The meter is a help, not a gate: if the check fails the form still works.
        if (error instanceof ProblemError) setVerdict(null);
      });
    }, CHECK_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [password, username, email]);
  return shouldCheck(password) ? verdict : null;
}

export function PasswordStrength({ id, password, username, email }: {
  id: string; password: string; username?: string; email?: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const verdict = usePasswordCheck(password, username, email);
  const score = verdict ? strengthScore(verdict) : 0;
  const level = verdict ? strengthLevel(verdict) : "veryWeak";
  const levelText = t(`strength.level.${level}`);
  const problems = verdict ? strengthProblems(verdict.problems, i18n, { min: PASSWORD_MIN_LENGTH }) : [];
  const advice = verdict ? englishAdvice(verdict, i18n.language) : [];
  return (
    <div className="strength" id={id} aria-live="polite" data-testid="password-strength">
      {verdict ? (
        <>
          <div className="strength__row">
            <span id={`${id}-label`} className="strength__label">{t("strength.label")}</span>
            <div className={`strength__bar strength__bar--${level}`} role="meter" aria-labelledby={`${id}-label`}
              aria-valuemin={0} aria-valuemax={4} aria-valuenow={score} aria-valuetext={levelText}>
              {[0, 1, 2, 3, 4].map((segment) => (
                <span key={segment} className={segment <= score ? "strength__segment strength__segment--on" : "strength__segment"} />
              ))}
            </div>
            <span className="strength__level">{levelText}</span>
          </div>
          {problems.length || advice.length ? (
            <ul className="strength__notes">
              {problems.map((text) => <li key={text}>{text}</li>)}
              {advice.map((text) => <li key={text} lang="en">{text}</li>)}
            </ul>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
