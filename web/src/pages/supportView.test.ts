import { expect, test } from "vitest";
import { formData, sendForm } from "../api/upload";
import { ProblemError } from "../api/client";
import { translator } from "../i18n/catalogue";
import {
  eventText, feedbackPage, filesProblem, formatAverage, formatSize, inboxFiltersFrom, offerPeriod, paragraphsOf,
  statusLabel, statusTone, typeLabel, TICKET_STATUSES, TICKET_TYPES,
} from "./supportView";

const es = translator("es");
const ca = translator("ca");

test("every type and status has words in every language, unknown codes stay as they came", () => {
  for (const language of ["es", "ca", "en", "pt"] as const) {
    const i18n = translator(language);
    for (const type of TICKET_TYPES) expect(typeLabel(i18n, type)).not.toBe(type);
    for (const status of TICKET_STATUSES) expect(statusLabel(i18n, status)).not.toBe(status);
  }
  expect(typeLabel(es, "request_review")).toBe("Solicitud de revisión");
  expect(statusLabel(es, "lost")).toBe("lost");
});

test("whose move it is shows in the badge's tone", () => {
  expect(statusTone("open")).toBe("no");
  expect(statusTone("awaiting_staff")).toBe("no");
  expect(statusTone("awaiting_customer")).toBe("neutral");
  expect(statusTone("resolved")).toBe("yes");
});

test("the conversation's events read as sentences", () => {
  expect(eventText(es, "status:resolved", "Marta")).toBe("Marta ha cambiado el estado a «Resuelta»");
  expect(eventText(ca, "assigned:Alberto: Admin", "Marta")).toBe("Marta ha assignat la sol·licitud a Alberto: Admin");
  expect(eventText(es, "unassigned", "Marta")).toBe("Marta ha dejado la solicitud sin asignar");
  expect(eventText(es, "assigned:Marta", "Marta")).toBe("Marta se ha asignado la solicitud");
  expect(eventText(es, "something:else", "Marta")).toBe("something:else");
});

test("files are checked before sending: count, emptiness, size and extension", () => {
  const pdf = { name: "factura.PDF", size: 1000 };
  expect(filesProblem([pdf])).toBeNull();
  expect(filesProblem([pdf, pdf, pdf, pdf])).toBe("files.tooMany");
  expect(filesProblem([{ name: "a.pdf", size: 0 }])).toBe("files.empty");
  expect(filesProblem([{ name: "a.pdf", size: 5 * 1024 * 1024 }])).toBe("files.tooLarge");
  expect(filesProblem([{ name: "virus.exe", size: 10 }])).toBe("files.forbiddenType");
  expect(filesProblem([{ name: "sin-extension", size: 10 }])).toBe("files.forbiddenType");
  expect(filesProblem([{ name: "foto.pdf", size: 10 }], { accept: ".png,.jpg" })).toBe("files.forbiddenType");
});

test("sizes and averages are written as the language writes numbers", () => {
  expect(formatSize(2.5 * 1024 * 1024, "es")).toMatch(/^2,5\sMB$/);
  expect(formatSize(830 * 1024, "en")).toMatch(/^830\skB$/);
  expect(formatSize(12, "en")).toMatch(/^12\s?byte/);
  expect(formatAverage(4.333, 3, "es")).toBe("4,3");
  expect(formatAverage(0, 0, "es")).toBe("—");
});

test("the inbox's filters come from the URL; staff start on the active tickets", () => {
  expect(inboxFiltersFrom(new URLSearchParams(""), true)).toEqual({ status: "active", type: "", assigned: "" });
  expect(inboxFiltersFrom(new URLSearchParams(""), false)).toEqual({ status: "", type: "", assigned: "" });
  expect(inboxFiltersFrom(new URLSearchParams("status=closed&type=complaint&assigned=me"), true))
    .toEqual({ status: "closed", type: "complaint", assigned: "me" });
  expect(inboxFiltersFrom(new URLSearchParams("status=lost&type=x&assigned=me"), false))
    .toEqual({ status: "", type: "", assigned: "" });
});

test("offers say when they are valid; feedback keeps only the path; bodies split in paragraphs", () => {
  const i18n = { ...es, formatDate: (v: string) => v };
  expect(offerPeriod(i18n, { valid_from: "2026-01-01", valid_until: "2026-05-31" })).toBe("Del 2026-01-01 al 2026-05-31");
  expect(offerPeriod(i18n, { valid_from: "2026-01-01", valid_until: null })).toBe("Desde el 2026-01-01");
  expect(feedbackPage("/set-password?token=secret#x")).toBe("/set-password");
  expect(paragraphsOf("Uno\n\n\nDos\n  \nTres")).toEqual(["Uno", "Dos", "Tres"]);
});

test("forms with files go as multipart with the CSRF header, and problems come back as ProblemError", async () => {
  const calls: { url: string; init: RequestInit }[] = [];
  const answer = (status: number, body: unknown) => async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/problem+json" } });
  };
  const form = formData({ subject: "Hola", internal: false }, { attachments: [new File(["%PDF"], "a.pdf")] });
  expect(form.get("internal")).toBe("false");
  expect((form.get("attachments") as File).name).toBe("a.pdf");
  const created = await sendForm<{ id: string }>("POST", "/tickets", form, {
    fetch: answer(201, { id: "t1" }) as typeof fetch, cookies: () => "csrf_token=abc", language: () => "ca" });
  expect(created.id).toBe("t1");
  const headers = calls[0]!.init.headers as Record<string, string>;
  expect(calls[0]!.url).toBe("/api/v1/tickets");
  expect(headers["X-CSRF-Token"]).toBe("abc");
  expect(headers["Accept-Language"]).toBe("ca");
  expect(headers["Content-Type"]).toBeUndefined(); // the browser adds the multipart boundary
  const refused = sendForm("POST", "/tickets", form, { fetch: answer(422, {
    code: "validation_failed", errors: [{ field: "attachments", code: "forbidden_type", message: "no" }] }) as typeof fetch,
  cookies: () => "" });
  await expect(refused).rejects.toBeInstanceOf(ProblemError);
  await refused.catch((error: ProblemError) => expect(error.fieldErrors("attachments")[0]?.code).toBe("forbidden_type"));
});
