import { expect, test } from "vitest";
import { translator } from "./catalogue";
import { activeProducts, fieldMessage, problemMessage } from "./problems";

test("known problem codes are translated; unknown ones fall back by status", () => {
  const es = translator("es");
  expect(problemMessage({ status: 401, code: "invalid_credentials", detail: "The user name or the password is not correct" }, es))
    .toBe("El usuario o la contraseña no son correctos.");
  expect(problemMessage({ status: 503, code: "something_new", detail: "x" }, es)).toBe(es.t("problem.unavailable"));
  expect(problemMessage({ status: 418, code: "teapot", detail: "I am a teapot" }, es)).toBe("I am a teapot");
  expect(problemMessage({ status: 0, code: "network", detail: "" }, translator("pt"))).toMatch(/ligação/);
});

test("field errors: field-specific, then by code, then the server's message", () => {
  const en = translator("en");
  expect(fieldMessage({ field: "email", code: "invalid", message: "x" }, en)).toBe("The e-mail address is not valid.");
  expect(fieldMessage({ field: "body.first_name", code: "required", message: "x" }, en)).toBe("This field is required.");
  expect(fieldMessage({ field: "tax_id", code: "brand_new", message: "Server says no" }, en)).toBe("Server says no");
});

test("a 429 says how long to wait, from Retry-After, in words and in the reader's language", () => {
  const locked = { status: 429, code: "too_many_attempts", detail: "Too many failed attempts. Try again in 15 minutes.",
    retryAfter: 900 };
  expect(problemMessage(locked, translator("es")))
    .toBe("Demasiados intentos fallidos. Por seguridad, espere 15 minutos y vuelva a probar.");
  expect(problemMessage(locked, translator("ca"))).toBe("Massa intents fallits. Per seguretat, esperi 15 minuts i torni-ho a provar.");
  expect(problemMessage({ ...locked, retryAfter: 2 }, translator("en")))
    .toBe("Too many failed attempts. For your security, wait 2 seconds and try again.");
  // Without Retry-After: the plain sentence; an unknown 429 code with one: the generic wait.
  expect(problemMessage({ ...locked, retryAfter: null }, translator("pt")))
    .toBe("Demasiadas tentativas falhadas. Aguarde alguns minutos e tente de novo.");
  expect(problemMessage({ status: 429, code: "slow_down", detail: "x", retryAfter: 30 }, translator("en")))
    .toBe("Too many attempts. Wait 30 seconds and try again.");
  expect(problemMessage({ status: 429, code: "resend_too_soon", detail: "x", retryAfter: 42 }, translator("es")))
    .toBe("Espere 42 segundos antes de pedir un código nuevo.");
});

test("a wrong registration code says how many tries are left when identity tells", () => {
  const es = translator("es");
  expect(fieldMessage({ field: "code", code: "wrong_code", message: "The code is not correct (3 tries left)" }, es))
    .toBe("El código no es correcto. Le quedan 3 intentos.");
  expect(fieldMessage({ field: "code", code: "wrong_code", message: "The code is not correct (1 try left)" }, translator("en")))
    .toBe("The code is not correct. You have 1 try left.");
  expect(fieldMessage({ field: "code", code: "wrong_code", message: "The code is not correct; ask for a new one" }, es))
    .toBe("El código no es correcto.");
  expect(fieldMessage({ field: "code", code: "too_many_tries", message: "x" }, es))
    .toBe("Ha escrito demasiados códigos incorrectos. Pida un código nuevo.");
  expect(fieldMessage({ field: "registration_id", code: "expired", message: "x" }, translator("pt")))
    .toBe("O registo expirou. Comece de novo.");
});

test("two-step verification and account closure problems are translated in every language", () => {
  const codes = ["mfa_ticket_invalid", "mfa_enrolment_required", "mfa_already_enabled", "mfa_enrolment_not_started",
    "mfa_required_by_firm", "mfa_not_enabled", "active_products", "products_unavailable"];
  for (const language of ["es", "ca", "en", "pt"] as const) {
    const i18n = translator(language);
    for (const code of codes) {
      expect(problemMessage({ status: 409, code, detail: "English detail" }, i18n)).toBe(i18n.t(`problem.${code}` as never));
    }
  }
  expect(problemMessage({ status: 401, code: "mfa_ticket_invalid", detail: "x" }, translator("es")))
    .toBe("La verificación ha caducado o ha tenido demasiados intentos. Escriba de nuevo su contraseña.");
  expect(fieldMessage({ field: "code", code: "wrong_code", message: "The code is not correct" }, translator("ca")))
    .toBe("El codi no és correcte.");
});

test("what keeps an account open is listed in the reader's words; unknown kinds as they came", () => {
  const refused = {
    code: "active_products",
    errors: [
      { field: "active_products", code: "active", message: "policy CR-2025-000117" },
      { field: "active_products", code: "active", message: "case EXP-2026-00311" },
      { field: "active_products", code: "active", message: "invoice F-2026-000981" },
      { field: "active_products", code: "active", message: "loan P-1" },
      { field: "active_products", code: "active", message: " " },
    ],
  };
  expect(activeProducts(refused, translator("es")))
    .toEqual(["Póliza CR-2025-000117", "Expediente EXP-2026-00311", "Factura F-2026-000981", "loan P-1"]);
  expect(activeProducts(refused, translator("en")).slice(0, 2)).toEqual(["Policy CR-2025-000117", "Case EXP-2026-00311"]);
  expect(activeProducts({ ...refused, code: "conflict" }, translator("es"))).toEqual([]);
});
