// Who is logged in: asks GET /me once at start, logs in (with the second step of two-factor
// authentication when it is on) and out, drops to "anonymous" when any authenticated call
// answers 401 (the session ended), so the guards send the user to /login, and asks /me again
// when a call answers 403 `mfa_enrolment_required` (the firm now requires two-factor first).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { api, onEnrolmentRequired, onUnauthenticated, ProblemError } from "../api";
import type { LoginAnswer, Me } from "../api/types";
import { loginOutcome } from "../pages/loginFlow";

export type SessionState =
  | { status: "loading" }
  | { status: "anonymous"; reason?: "expired" | "logged_out" | "closed" }
  | { status: "error"; problem: ProblemError }
  | { status: "authenticated"; me: Me };

/** The password was right: either logged in, or a code is due (the answer's ticket). */
export type LoginResult =
  | { status: "done"; me: Me }
  | { status: "second_step"; answer: LoginAnswer };

export interface Session {
  state: SessionState;
  login: (tenant: string, username: string, password: string) => Promise<LoginResult>;
  /** The login's second step: the app's code or a recovery code against the ticket. */
  completeLogin: (ticket: string, code: string) => Promise<Me>;
  logout: () => Promise<void>;
  reload: () => Promise<void>;
  /** After two-factor was switched on under the firm's rule: the session's token still has the
   * set-up-only scope until it is refreshed, so refresh it and read /me again. */
  refreshAndReload: () => Promise<void>;
  /** The account was closed (the gateway already cleared the session cookie). */
  accountClosed: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });

  const reload = useCallback(async () => {
    try {
      const me = await api.get<Me>("/me", { quiet401: true });
      setState({ status: "authenticated", me });
    } catch (error) {
      if (error instanceof ProblemError && (error.status === 401 || error.status === 403)) {
        setState({ status: "anonymous" });
      } else if (error instanceof ProblemError) {
        setState({ status: "error", problem: error });
      } else {
        throw error;
      }
    }
  }, []);

  useEffect(() => {
    onUnauthenticated(() => setState({ status: "anonymous", reason: "expired" }));
    onEnrolmentRequired(() => { void reload(); });
    void reload();
  }, [reload]);

  const login = useCallback(async (tenant: string, username: string, password: string): Promise<LoginResult> => {
    const answer = await api.post<LoginAnswer>("/auth/login", { tenant, username, password }, { quiet401: true });
    if (loginOutcome(answer) === "second_step") return { status: "second_step", answer };
    const me = await api.get<Me>("/me", { quiet401: true });
    setState({ status: "authenticated", me });
    return { status: "done", me };
  }, []);

  const completeLogin = useCallback(async (ticket: string, code: string) => {
    await api.post("/auth/login/mfa", { mfa_ticket: ticket, code }, { quiet401: true });
    const me = await api.get<Me>("/me", { quiet401: true });
    setState({ status: "authenticated", me });
    return me;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post("/auth/logout", {}, { quiet401: true });
    } finally {
      setState({ status: "anonymous", reason: "logged_out" });
    }
  }, []);

  const refreshAndReload = useCallback(async () => {
    await api.post("/auth/refresh", {}, { quiet401: true });
    await reload();
  }, [reload]);

  const accountClosed = useCallback(() => setState({ status: "anonymous", reason: "closed" }), []);

  const value = useMemo(() => ({ state, login, completeLogin, logout, reload, refreshAndReload, accountClosed }),
    [state, login, completeLogin, logout, reload, refreshAndReload, accountClosed]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}
