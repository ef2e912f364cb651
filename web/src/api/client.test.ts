import { describe, expect, test, vi } from "vitest";
import { createApi, parseRetryAfter, ProblemError, readCookie, toProblem } from "./client";

function reply(status: number, body: unknown, type = "application/json") {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status, headers: body === undefined ? {} : { "Content-Type": type },
  });
}

function setup(response: Response | (() => Promise<Response>), cookies = "") {
  const fetch = vi.fn<typeof globalThis.fetch>(async () =>
    (typeof response === "function" ? response() : response));
  const onUnauthenticated = vi.fn();
  const onProblem = vi.fn();
  const api = createApi({ fetch, cookies: () => cookies, language: () => "ca", onUnauthenticated, onProblem });
  const sent = () => {
    const [url, init] = fetch.mock.calls[0] ?? [];
    return { url: String(url), init: init ?? {}, headers: new Headers(init?.headers) };
  };
  return { api, fetch, sent, onUnauthenticated, onProblem };
}

describe("readCookie", () => {
  test("finds a cookie among others and decodes it", () => {
    expect(readCookie("csrf_token", "a=1; csrf_token=abc%2Fdef; b=2")).toBe("abc/def");
    expect(readCookie("csrf_token", "xcsrf_token=no")).toBe("");
    expect(readCookie("csrf_token", "")).toBe("");
  });
});

describe("CSRF", () => {
  test("unsafe requests echo the csrf_token cookie in X-CSRF-Token", async () => {
    const { api, sent } = setup(reply(201, { id: "1" }), "ca_session=ignored; csrf_token=tok-123");
    await api.post("/clients", { kind: "person" });
    expect(sent().init.method).toBe("POST");
    expect(sent().headers.get("X-CSRF-Token")).toBe("tok-123");
    expect(sent().headers.get("Content-Type")).toBe("application/json");
    expect(sent().init.credentials).toBe("same-origin");
    expect(JSON.parse(String(sent().init.body))).toEqual({ kind: "person" });
  });

  test.each(["PATCH", "DELETE", "PUT"])("%s also sends the header", async (method) => {
    const { api, sent } = setup(reply(204, undefined), "csrf_token=t");
    await api.request(method, "/x", method === "DELETE" ? undefined : {});
    expect(sent().headers.get("X-CSRF-Token")).toBe("t");
  });

  test("safe requests do not send it, and carry the language and the query", async () => {
    const { api, sent } = setup(reply(200, { items: [], next_cursor: null }), "csrf_token=t");
    await api.get("/clients", { query: { q: "García López", limit: 20, cursor: undefined } });
    expect(sent().url).toBe("/api/v1/clients?q=Garc%C3%ADa+L%C3%B3pez&limit=20");
    expect(sent().headers.get("X-CSRF-Token")).toBeNull();
    expect(sent().headers.get("Accept-Language")).toBe("ca");
  });

  test("dashboard() is GET /api/v1/dashboard", async () => {
    const { api, sent } = setup(reply(200, { display_name: "L", policies: null, notices: ["policies_unavailable"] }));
    const answer = await api.dashboard();
    expect(sent().url).toBe("/api/v1/dashboard");
    expect(sent().init.method).toBe("GET");
    expect(answer.policies).toBeNull();
    expect(answer.notices).toEqual(["policies_unavailable"]);
  });

  test("without the cookie no empty header is sent", async () => {
    const { api, sent } = setup(reply(200, {}));
    await api.post("/auth/login", { tenant: "demo" });
    expect(sent().headers.has("X-CSRF-Token")).toBe(false);
  });
});

describe("problems", () => {
  const invalid = {
    type: "https://clientarea.dev/problems/validation-failed", title: "Invalid request", status: 422,
    code: "validation_failed", detail: "The request has invalid fields",
    errors: [{ field: "tax_id", code: "invalid", message: "The document number is not valid" },
      { field: "body.email", code: "invalid", message: "The e-mail address is not valid" }],
  };

  test("problem+json becomes a ProblemError with its field errors", async () => {
    const { api } = setup(reply(422, invalid, "application/problem+json"));
    const error = await api.post("/clients", {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    const problem = error as ProblemError;
    expect(problem.status).toBe(422);
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors).toHaveLength(2);
    expect(problem.fieldErrors("email")[0]?.message).toBe("The e-mail address is not valid");
    expect(problem.fieldErrors("tax_id")[0]?.code).toBe("invalid");
    expect(problem.message).toBe("The request has invalid fields");
  });

  test("a 401 calls onUnauthenticated unless the caller said quiet", async () => {
    const body = { type: "x", title: "Authentication required", status: 401, code: "session_expired", detail: "The session has ended", errors: [] };
    const loud = setup(reply(401, body, "application/problem+json"));
    await expect(loud.api.get("/clients")).rejects.toBeInstanceOf(ProblemError);
    expect(loud.onUnauthenticated).toHaveBeenCalledOnce();
    const quiet = setup(reply(401, body, "application/problem+json"));
    await expect(quiet.api.post("/auth/login", {}, { quiet401: true })).rejects.toMatchObject({ code: "session_expired" });
    expect(quiet.onUnauthenticated).not.toHaveBeenCalled();
  });

  test("a non-JSON error (a proxy's HTML page) still gives a ProblemError by status", async () => {
    const { api } = setup(new Response("<html>Bad gateway</html>", { status: 502, headers: { "Content-Type": "text/html" } }));
    await expect(api.get("/me")).rejects.toMatchObject({ status: 502, code: "http_502", errors: [] });
  });

  test("a network failure is a ProblemError with status 0 and code network", async () => {
    const { api } = setup(() => Promise.reject(new TypeError("Failed to fetch")));
    await expect(api.get("/me")).rejects.toMatchObject({ status: 0, code: "network" });
  });

  test("204 answers resolve to undefined", async () => {
    const { api } = setup(reply(204, undefined), "csrf_token=t");
    await expect(api.post("/auth/logout", {})).resolves.toBeUndefined();
  });

  test("toProblem tolerates odd bodies", () => {
    expect(toProblem(500, null)).toMatchObject({ status: 500, code: "http_500", errors: [] });
    expect(toProblem(422, { errors: [null, { field: "x" }] }).errors).toEqual([{ field: "x", code: "invalid", message: "" }]);
  });

  test("a 429 carries Retry-After in seconds", async () => {
    const body = { type: "x", title: "Too many requests", status: 429, code: "too_many_attempts",
      detail: "Too many failed attempts. Try again in 15 minutes.", errors: [] };
    const { api } = setup(new Response(JSON.stringify(body), {
      status: 429, headers: { "Content-Type": "application/problem+json", "Retry-After": "900" } }));
    await expect(api.post("/auth/login", {}, { quiet401: true })).rejects.toMatchObject({
      status: 429, code: "too_many_attempts", retryAfter: 900 });
  });

  test("every problem reaches onProblem before it is thrown (a 403 mfa_enrolment_required from any page)", async () => {
    const body = { type: "x", title: "Forbidden", status: 403, code: "mfa_enrolment_required",
      detail: "Set up two-factor authentication to continue", errors: [] };
    const { api, onProblem, onUnauthenticated } = setup(reply(403, body, "application/problem+json"));
    await expect(api.get("/clients")).rejects.toMatchObject({ status: 403, code: "mfa_enrolment_required" });
    expect(onProblem).toHaveBeenCalledOnce();
    expect(onProblem.mock.calls[0]?.[0]).toBeInstanceOf(ProblemError);
    expect(onUnauthenticated).not.toHaveBeenCalled();
    const fine = setup(reply(200, {}));
    await fine.api.get("/me");
    expect(fine.onProblem).not.toHaveBeenCalled();
  });

  test("PUT sends its JSON body with the CSRF header", async () => {
    const { api, sent } = setup(reply(200, { require_staff_mfa: true }), "csrf_token=tok");
    await expect(api.put("/tenant/security", { require_staff_mfa: true })).resolves.toEqual({ require_staff_mfa: true });
    expect(sent().init.method).toBe("PUT");
    expect(sent().headers.get("X-CSRF-Token")).toBe("tok");
    expect(sent().init.body).toBe(JSON.stringify({ require_staff_mfa: true }));
  });

  test("answers without Retry-After have retryAfter null", () => {
    expect(toProblem(422, {}).retryAfter).toBeNull();
  });
});

describe("parseRetryAfter", () => {
  test("delta-seconds, HTTP dates, and nonsense", () => {
    const now = Date.parse("2026-03-14T12:00:00Z");
    expect(parseRetryAfter("120", now)).toBe(120);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
    expect(parseRetryAfter("Sat, 14 Mar 2026 12:01:30 GMT", now)).toBe(90);
    expect(parseRetryAfter("Sat, 14 Mar 2026 11:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter("", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
