// Who is logged in: asks GET /me once at start, logs in and out, and drops to "anonymous" when
// any authenticated call answers 401 (the session ended), so the guards send the user to /login.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { api, onUnauthenticated, ProblemError } from "../api";
import type { Me } from "../api/types";

export type SessionState =
  | { status: "loading" }
  | { status: "anonymous"; reason?: "expired" | "logged_out" }
  | { status: "error"; problem: ProblemError }
  | { status: "authenticated"; me: Me };

export interface Session {
  state: SessionState;
  login: (tenant: string, username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  reload: () => Promise<void>;
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
    void reload();
  }, [reload]);

  const login = useCallback(async (tenant: string, username: string, password: string) => {
    await api.post("/auth/login", { tenant, username, password }, { quiet401: true });
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

  const value = useMemo(() => ({ state, login, logout, reload }), [state, login, logout, reload]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}
