// Client-side routes. The gateway answers every non-API path with index.html, so these URLs
// can be opened directly (e.g. the e-mailed /set-password?token=… link).
import type { ReactNode } from "react";
import { BrowserRouter, Navigate, Route, Routes, useLocation } from "react-router";
import { isAdmin, isStaff } from "./api/types";
import { AppShell, PublicLayout } from "./components/Layout";
import { Notice } from "./components/Notice";
import { I18nProvider, useI18n } from "./i18n/I18nProvider";
import { problemMessage } from "./i18n/problems";
import { AuditPage } from "./pages/AuditPage";
import { ClientFormPage } from "./pages/ClientFormPage";
import { ClientImportPage } from "./pages/ClientImportPage"; // client import and export
import { ExportsPage } from "./pages/ExportsPage"; // client export: my exports
import { ClientsPage } from "./pages/ClientsPage";
import { ConfirmEmailPage } from "./pages/ConfirmEmailPage";
import { FirmSecurityPage } from "./pages/FirmSecurityPage";
import { HomePage } from "./pages/HomePage";
import { ForgotPasswordPage } from "./pages/ForgotPasswordPage";
import { LoginPage } from "./pages/LoginPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { RegisterPage } from "./pages/RegisterPage";
import { ResetPasswordPage } from "./pages/ResetPasswordPage";
import { NotificationsPage } from "./pages/NotificationsPage";
import { SecurityPage } from "./pages/SecurityPage";
import { SetPasswordPage } from "./pages/SetPasswordPage";
import { StaffUsersPage } from "./pages/StaffUsersPage";
import { PeoplePage } from "./pages/PeoplePage"; // client members
import { TwoFactorPage } from "./pages/TwoFactorPage";
import { enrolmentRedirect } from "./session/mfaGate";
import { SessionProvider, useSession } from "./session/SessionProvider";
// --- quick access (process number + access key) and the firm's news ---
import { QuickAccessLayout } from "./components/QuickAccessLayout";
import { NewsPage } from "./pages/NewsPage";
import { QuickAccessCasePage } from "./pages/QuickAccessCasePage";
import { QuickAccessPage } from "./pages/QuickAccessPage";
// --- support, requests and content ---
import { ContentEditorPage } from "./pages/ContentEditorPage";
import { FeedbackListPage } from "./pages/FeedbackListPage";
import { CampaignsPage } from "./pages/CampaignsPage"; // campaigns
import { AdvantagesPage, MaterialsPage } from "./pages/MaterialsPage";
import { NewTicketPage } from "./pages/NewTicketPage";
import { SupportPage } from "./pages/SupportPage";
import { TicketPage } from "./pages/TicketPage";
// --- end support, requests and content ---
// --- end quick access ---
// --- client records ---
import { CategoriesPage } from "./pages/CategoriesPage";
import { ClientPage } from "./pages/client/ClientPage";
import { MyTasksPage } from "./pages/MyTasksPage";
import { ProfilePage } from "./pages/ProfilePage";
// --- end client records ---
// --- client files ---
import { MyFilesPage } from "./pages/MyFilesPage";
// --- end client files ---

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

/** The app shell for a logged-in user; anyone else goes to /login and comes back after. A staff
 * member who must set up two-step verification first sees nothing but its page. */
function RequireAuth() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") return <SessionError />;
  if (state.status === "anonymous") {
    return <Navigate to="/login" replace
      state={{ from: location.pathname + location.search, expired: state.reason === "expired",
        closed: state.reason === "closed" }} />;
  }
  const redirect = enrolmentRedirect(state.me, location.pathname);
  if (redirect) return <Navigate to={redirect} replace />;
  return <AppShell me={state.me} />;
}

function RequireStaff({ children }: { children: ReactNode }) {
  const { state } = useSession();
  if (state.status !== "authenticated") return null;
  return isStaff(state.me) ? <>{children}</> : <Navigate to="/app" replace />;
}

/** Admins only; anyone else sees "page not found" (the page's existence is not advertised). */
function RequireAdmin({ children }: { children: ReactNode }) {
  const { state } = useSession();
  if (state.status !== "authenticated") return null;
  return isAdmin(state.me) ? <>{children}</> : <NotFoundPage />;
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
              <Route path="/forgot-password" element={<ForgotPasswordPage />} />
              <Route path="/reset-password" element={<ResetPasswordPage />} />
              <Route path="/register" element={<RegisterPage />} />
              <Route path="/quick-access" element={<QuickAccessPage />} />
              <Route path="/confirm-email" element={<ConfirmEmailPage />} />
            </Route>
            {/* Short addresses of the app's pages (as told in e-mails and docs). */}
            <Route path="/account/security" element={<Navigate to="/app/account/security" replace />} />
            <Route path="/admin/audit" element={<Navigate to="/app/admin/audit" replace />} />
            <Route path="/admin/security" element={<Navigate to="/app/admin/security" replace />} />
            <Route path="/admin/staff" element={<Navigate to="/app/admin/staff" replace />} />
            {/* --- quick access: its one case and the firm's news, nothing else --- */}
            <Route element={<QuickAccessLayout />}>
              <Route path="/quick-access/case" element={<QuickAccessCasePage />} />
              <Route path="/quick-access/news" element={<NewsPage />} />
            </Route>
            <Route path="/app" element={<RequireAuth />}>
              <Route index element={<HomePage />} />
              <Route path="clients" element={<RequireStaff><ClientsPage /></RequireStaff>} />
              <Route path="clients/new" element={<RequireStaff><ClientFormPage /></RequireStaff>} />
              <Route path="clients/import" element={<RequireStaff><ClientImportPage /></RequireStaff>} /> {/* client import and export */}
              <Route path="clients/exports" element={<RequireStaff><ExportsPage /></RequireStaff>} /> {/* client export: my exports */}
              {/* --- client records --- */}
              <Route path="clients/:clientId" element={<RequireStaff><ClientPage /></RequireStaff>} />
              <Route path="clients/:clientId/edit" element={<RequireStaff><ClientFormPage /></RequireStaff>} />
              <Route path="tasks" element={<RequireStaff><MyTasksPage /></RequireStaff>} />
              <Route path="categories" element={<RequireStaff><CategoriesPage /></RequireStaff>} />
              <Route path="profile" element={<ProfilePage />} /> {/* customers: the API checks */}
              {/* --- end client records --- */}
              <Route path="documents" element={<MyFilesPage />} /> {/* client files: customers; the API checks */}
              <Route path="news" element={<NewsPage />} />
              {/* --- support, requests and content (the pages and the API check who may) --- */}
              <Route path="support" element={<SupportPage />} />
              <Route path="support/new" element={<NewTicketPage />} />
              <Route path="support/tickets/:id" element={<TicketPage />} />
              <Route path="materials" element={<MaterialsPage />} />
              <Route path="advantages" element={<AdvantagesPage />} />
              <Route path="content" element={<RequireStaff><ContentEditorPage /></RequireStaff>} />
              <Route path="feedback" element={<RequireStaff><FeedbackListPage /></RequireStaff>} />
              <Route path="campaigns" element={<RequireStaff><CampaignsPage /></RequireStaff>} /> {/* campaigns */}
              {/* --- end support, requests and content --- */}
              <Route path="people" element={<PeoplePage />} /> {/* a company's admins: the page checks */}
              <Route path="account/security" element={<SecurityPage />} />
              <Route path="notifications" element={<NotificationsPage />} />
              <Route path="account/two-factor" element={<TwoFactorPage />} />
              <Route path="admin/audit" element={<RequireAdmin><AuditPage /></RequireAdmin>} />
              <Route path="admin/security" element={<RequireAdmin><FirmSecurityPage /></RequireAdmin>} />
              <Route path="admin/staff" element={<RequireAdmin><StaffUsersPage /></RequireAdmin>} />
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
