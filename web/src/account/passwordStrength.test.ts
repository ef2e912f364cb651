import { expect, test } from "vitest";
import { translator } from "../i18n/catalogue";
import { englishAdvice, shouldCheck, strengthLevel, strengthProblems, strengthScore } from "./passwordStrength";

test("zxcvbn's score 0-4 maps to five levels", () => {
  expect([0, 1, 2, 3, 4].map((score) => strengthLevel({ score, acceptable: true })))
    .toEqual(["veryWeak", "weak", "fair", "good", "strong"]);
  expect(strengthLevel({ score: 9, acceptable: true })).toBe("strong");
  expect(strengthLevel({ score: -1, acceptable: true })).toBe("veryWeak");
  expect(strengthLevel({ score: Number.NaN, acceptable: true })).toBe("veryWeak");
});

test("a password the policy refuses is never shown above weak", () => {
  expect(strengthScore({ score: 4, acceptable: false })).toBe(1);
  expect(strengthLevel({ score: 4, acceptable: false })).toBe("weak");
  expect(strengthLevel({ score: 0, acceptable: false })).toBe("veryWeak");
});

test("each level has words in every language", () => {
  expect(translator("es").t("strength.level.veryWeak")).toBe("Muy débil");
  expect(translator("ca").t("strength.level.strong")).toBe("Forta");
  expect(translator("en").t("strength.level.fair")).toBe("Fair");
  expect(translator("pt").t("strength.level.good")).toBe("Boa");
});

test("policy problems are translated; unknown codes are left out", () => {
  const es = translator("es");
  expect(strengthProblems(["too_short", "brand_new_rule"], es, { min: 12 })).toEqual(["Use al menos 12 caracteres."]);
  expect(strengthProblems(["too_common", "contains_user_name"], translator("en")))
    .toEqual(["It is one of the most used passwords; choose another.", "It must not contain your user name or e-mail."]);
  expect(strengthProblems(["too_guessable"], translator("pt"))[0]).toMatch(/fácil de adivinhar/);
});

test("zxcvbn's English advice is shown to English readers only", () => {
  const verdict = { warning: "This is a top-10 common password.", suggestions: ["Add another word or two.", " "] };
  expect(englishAdvice(verdict, "en")).toEqual(["This is a top-10 common password.", "Add another word or two."]);
  expect(englishAdvice(verdict, "es")).toEqual([]);
  expect(englishAdvice({ warning: "", suggestions: [] }, "en")).toEqual([]);
});

test("an empty field is not checked", () => {
  expect(shouldCheck("")).toBe(false);
  expect(shouldCheck("a")).toBe(true);
});
