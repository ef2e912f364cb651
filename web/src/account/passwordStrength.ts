// The strength meter's logic: zxcvbn's score (0-4, from POST /auth/password-check) as a level
// with translated words, and the policy problems as translated sentences. zxcvbn's own warning
// and suggestions are English, so they are shown only to English readers.
import type { PasswordVerdict } from "../api/types";
import type { Key, Translator } from "../i18n/catalogue";

export const CHECK_DELAY_MS = 300;
export const STRENGTH_LEVELS = ["veryWeak", "weak", "fair", "good", "strong"] as const;
export type StrengthLevel = (typeof STRENGTH_LEVELS)[number];

/** The level a verdict shows. A password the policy refuses (too short, too common…) is never
 * shown above "weak", whatever zxcvbn thinks of it, so the meter and the problems agree. */
export function strengthScore(verdict: Pick<PasswordVerdict, "score" | "acceptable">): number {
  const score = Math.min(4, Math.max(0, Math.round(Number.isFinite(verdict.score) ? verdict.score : 0)));
  return verdict.acceptable ? score : Math.min(score, 1);
}

export function strengthLevel(verdict: Pick<PasswordVerdict, "score" | "acceptable">): StrengthLevel {
  return STRENGTH_LEVELS[strengthScore(verdict)] ?? "veryWeak";
}

/** Translated sentences for the policy problems the catalogue knows (others are left out:
 * the API's own field error will still name them on submit). */
export function strengthProblems(problems: string[], i18n: Pick<Translator, "t" | "has">,
  vars: Record<string, string | number> = {}): string[] {
  return problems
    .map((code) => `strength.problem.${code}`)
    .filter((key): key is Key => i18n.has(key))
    .map((key) => i18n.t(key, vars));
}

/** zxcvbn's English advice, only when the reader chose English. */
export function englishAdvice(verdict: Pick<PasswordVerdict, "warning" | "suggestions">, language: string): string[] {
  if (language !== "en") return [];
  return [verdict.warning, ...verdict.suggestions].map((s) => s.trim()).filter(Boolean);
}

/** Whether a password is worth asking about (not while the field is empty). */
export function shouldCheck(password: string): boolean {
  return password.length >= 1;
}
