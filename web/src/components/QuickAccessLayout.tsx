// The frame of a quick-access session (process number + access key, seed 003): only "My process"
// and "News" in the navigation, and logging out; no account menu, nothing else to reach. The
// API refuses anything else to such a session anyway (403 `quick_access_forbidden`).
import { useCallback } from "react";
import { NavLink, Outlet, useNavigate } from "react-router";
import { api } from "../api";
import { useI18n } from "../i18n/I18nProvider";
import { QUICK_ACCESS_PATH, QUICK_CASE_PATH, QUICK_NEWS_PATH } from "../quickAccess/quickAccess";
import { FeedbackButton } from "./FeedbackDialog"; // support, requests and content
import { Brand, Footer, SkipLink } from "./Layout";
import { LanguageSwitch } from "./LanguageSwitch";

/** What the pages of the frame are given: how to end the session when the API says it is over. */
export interface QuickAccessOutlet {
  sessionOver: () => void;
}

export function QuickAccessLayout() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const sessionOver = useCallback(() => navigate(QUICK_ACCESS_PATH, { replace: true, state: { expired: true } }),
    [navigate]);

  async function logout() {
    try {
      await api.post("/auth/logout", {}, { quiet401: true });
    } finally {
      navigate(QUICK_ACCESS_PATH, { replace: true, state: { loggedOut: true } });
    }
  }

  const outlet: QuickAccessOutlet = { sessionOver };
  return (
    <div className="layout layout--app">
      <SkipLink />
      <header className="site-header">
        <div className="site-header__inner">
          <Brand to={QUICK_CASE_PATH} />
          <p className="site-header__firm">{t("quick.limited")}</p>
          <div className="site-header__tools">
            <LanguageSwitch />
            <button type="button" className="button button--ghost" onClick={() => { void logout(); }}>
              {t("app.logout")}
            </button>
          </div>
        </div>
        <nav className="main-nav" aria-label={t("app.mainNav")}>
          <ul>
            <li><NavLink to={QUICK_CASE_PATH}>{t("quick.nav.case")}</NavLink></li>
            <li><NavLink to={QUICK_NEWS_PATH}>{t("nav.news")}</NavLink></li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="main">
        <Outlet context={outlet} />
      </main>
      <Footer />
      <FeedbackButton /> {/* support, requests and content: seed 003's feedback box, after a quick access too */}
    </div>
  );
}
