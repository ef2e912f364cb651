// The browser's API instance: same-origin /api/v1, the language of <html lang>, and one hook the
// session sets to hear that the session ended (a 401 on an authenticated call).
import { createApi, type ProblemError } from "./client";

let unauthenticatedHandler: (problem: ProblemError) => void = () => {};

export function onUnauthenticated(handler: (problem: ProblemError) => void): void {
  unauthenticatedHandler = handler;
}

export const api = createApi({
  language: () => document.documentElement.lang || "es",
  onUnauthenticated: (problem) => unauthenticatedHandler(problem),
});

export { ProblemError } from "./client";
export type { FieldProblem, Problem } from "./client";
