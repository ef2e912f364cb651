// Client-side routes. The gateway answers every non-API path with index.html, so these URLs
// can be opened directly (e.g. the e-mailed /set-password?token=… link).
import type { ReactNode } from "react";
import { BrowserRouter, Navigate, Route, Routes, useLocation } from "react-router";
import { isStaff } from "./api/types";
import { AppShell, PublicLayout } from "./components/Layout";
import { Notice } from "./components/Notice";
import { I18nProvider, useI18n } from "./i18n/I18nProvider";
import { problemMessage } from "./i18n/problems";
import { ClientFormPage } from "./pages/ClientFormPage";
import { ClientsPage } from "./pages/ClientsPage";
import { HomePage } from "./pages/HomePage";
import { LoginPage } from "./pages/LoginPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { SetPasswordPage } from "./pages/SetPasswordPage";
import { SessionProvider, useSession } from "./session/SessionProvider";

function Loading() {
  const i18n = useI18n();
  return (
    <PublicLayout>
      <p className="loading" role="status">{i18n.t("app.loading")}</p>
    </PublicLayout>
  );
}

function SessionError() {
  const i18n = useI18n();
  const { state, reload } = useSession();
  if (state.status !== "error") return null;
  return (
    <PublicLayout>
      <Notice tone="error">{problemMessage(state.problem, i18n)}</Notice>
      <button type="button" className="button" onClick={() => { void reload(); }}>{i18n.t("app.retry")}</button>
    </PublicLayout>
  );
}

/** The app shell for a logged-in user; anyone else goes to /login and comes back after. */
function RequireAuth() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <SessionError />;
  if (state.status === "anonymous") {
    return <Navigate to="/login" replace
      state={{ from: location.pathname + location.search, expired: state.reason === "expired" }} />;
  }
  return <AppShell me={state.me} />;
}

function RequireStaff({ children }: { children: ReactNode }) {
  const { state } = useSession();
  if (state.status !== "authenticated") return null;
  return isStaff(state.me) ? <>{children}</> : <Navigate to="/app" replace />;
}

function RootRedirect() {
  const { state } = useSession();
  if (state.status === "loading") return <Loading />;
  return <Navigate to={state.status === "authenticated" ? "/app" : "/login"} replace />;
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <BrowserRouter>
          <Routes>
            <Route path="/" element={<RootRedirect />} />
            <Route element={<PublicLayout />}>
              <Route path="/login" element={<LoginPage />} />
              <Route path="/set-password" element={<SetPasswordPage />} />
            </Route>
            <Route path="/app" element={<RequireAuth />}>
              <Route index element={<HomePage />} />
              <Route path="clients" element={<RequireStaff><ClientsPage /></RequireStaff>} />
              <Route path="clients/new" element={<RequireStaff><ClientFormPage /></RequireStaff>} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
            <Route element={<PublicLayout />}>
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  );
}
