import { expect, test } from "vitest";
import { translator } from "./catalogue";
import { fieldMessage, problemMessage } from "./problems";

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
