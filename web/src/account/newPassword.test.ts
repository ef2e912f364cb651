import { expect, test } from "vitest";
import { translator } from "../i18n/catalogue";
import { checkNewPassword, passwordProblems, passwordSummary } from "./newPassword";

const es = translator("es");

test("empty, short and different passwords are caught before the API", () => {
  expect(checkNewPassword({ password: "", repeat: "" }, es.t)).toEqual({
    password: "Escriba la contraseña.", repeat: "Escriba la contraseña.",
  });
  expect(checkNewPassword({ password: "corta", repeat: "corta" }, es.t)).toEqual({ password: "Use al menos 12 caracteres." });
  expect(checkNewPassword({ password: "Una-Clave-Larga-2026", repeat: "Otra" }, es.t)).toEqual({
    repeat: "Las dos contraseñas no coinciden.",
  });
  expect(checkNewPassword({ password: "Una-Clave-Larga-2026", repeat: "Una-Clave-Larga-2026" }, es.t)).toEqual({});
  expect(checkNewPassword({ password: "Una-Clave-Larga-2026", repeat: "Una-Clave-Larga-2026", current: "" }, es.t,
    { current: true })).toEqual({ current: "Escriba su contraseña actual." });
});

test("the API's errors go beside their fields; others are general", () => {
  const split = passwordProblems({
    status: 422, code: "validation_failed", detail: "", retryAfter: null,
    errors: [
      { field: "password", code: "too_common", message: "x" },
      { field: "password_confirmation", code: "mismatch", message: "x" },
      { field: "current_password", code: "wrong", message: "x" },
      { field: "token", code: "invalid_or_expired", message: "x" },
    ],
  }, es);
  expect(split.fields).toEqual({
    password: "Es una de las contraseñas más usadas. Elija otra.",
    repeat: "Las dos contraseñas no coinciden.",
    current: "La contraseña actual no es correcta.",
  });
  expect(split.other).toEqual(["token"]);
  expect(split.general).toEqual(["Este enlace ya no es válido. Pida uno nuevo a su entidad."]);
});

test("a problem without field errors is one general message, with the wait of a 429", () => {
  const split = passwordProblems({
    status: 429, code: "too_many_attempts", detail: "Too many failed attempts. Try again in 15 minutes.",
    errors: [], retryAfter: 900,
  }, es);
  expect(split.fields).toEqual({});
  expect(split.general).toEqual(["Demasiados intentos fallidos. Por seguridad, espere 15 minutos y vuelva a probar."]);
});

test("the summary lists general messages, then the fields in order, linked by id", () => {
  expect(passwordSummary(["Algo"], { repeat: "R", current: "C" }, "change-password")).toEqual([
    { message: "Algo" },
    { fieldId: "change-password-current", message: "C" },
    { fieldId: "change-password-repeat", message: "R" },
  ]);
});
