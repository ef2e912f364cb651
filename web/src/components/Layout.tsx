// The two frames of every page: the public one (login, set password) and the app shell with its
// navigation for customers or staff. Both have a skip link, landmarks and the language switch.
import { Link, NavLink, Outlet, useNavigate } from "react-router";
import type { ReactNode } from "react";
import { isAdmin, isStaff, type Me } from "../api/types";
import type { Key } from "../i18n/catalogue";
import { useI18n } from "../i18n/I18nProvider";
import { navigationAllowed } from "../session/mfaGate";
import { can, type Permission, type WhoCan } from "../session/permissions";
import { useSession } from "../session/SessionProvider";
import { FeedbackButton } from "./FeedbackDialog"; // support, requests and content
import { LanguageSwitch } from "./LanguageSwitch";
import { NoticesLink } from "./NoticesLink";

export function SkipLink() {
  const { t } = useI18n();
  return <a className="skip-link" href="#main">{t("app.skipLink")}</a>;
}

export function Brand({ to }: { to: string }) {
  const { t } = useI18n();
  return (
    <Link to={to} className="brand">
      <img src="/icons/icon.svg" alt="" width="32" height="32" />
      <span>{t("app.name")}</span>
    </Link>
  );
}

export function Footer() {
  const { t } = useI18n();
  return <footer className="site-footer"><p>{t("app.footer")}</p></footer>;
}

export function PublicLayout({ children }: { children?: ReactNode }) {
  return (
    <div className="layout layout--public">
      <SkipLink />
      <header className="site-header">
        <div className="site-header__inner">
          <Brand to="/login" />
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="main main--narrow">
        {children ?? <Outlet />}
      </main>
      <Footer />
    </div>
  );
}

interface NavItem {
  key: Key;
  to?: string; // absent: a later section, shown but not yet a link
  permission?: Permission; // shown only to those who hold it (e.g. a company's admins)
}

const CUSTOMER_NAV: NavItem[] = [
  { key: "nav.home", to: "/app" },
  { key: "nav.profile", to: "/app/profile", permission: "own-data:read" }, // client records
  { key: "nav.myFiles", to: "/app/documents", permission: "own-data:read" }, // client files
  { key: "nav.news", to: "/app/news" },
  { key: "nav.people", to: "/app/people", permission: "client-members:manage" },
  { key: "nav.policies" },
  { key: "nav.cases" },
  { key: "nav.invoices" },
  { key: "nav.support", to: "/app/support" }, // support, requests and content
  { key: "nav.materials", to: "/app/materials", permission: "content:read" }, // support, requests and content
  { key: "nav.advantages", to: "/app/advantages", permission: "content:read" }, // support, requests and content
];

const STAFF_NAV: NavItem[] = [
  { key: "nav.clients", to: "/app/clients" },
  { key: "nav.myTasks", to: "/app/tasks" }, // client records
  { key: "nav.categories", to: "/app/categories" }, // client records
  // --- support, requests and content ---
  { key: "nav.tickets", to: "/app/support", permission: "support:manage" },
  { key: "nav.content", to: "/app/content", permission: "content:publish" },
  { key: "nav.feedback", to: "/app/feedback", permission: "feedback:read" },
  // --- end support, requests and content ---
  { key: "nav.campaigns", to: "/app/campaigns", permission: "campaigns:manage" }, // campaigns
];

const ADMIN_NAV: NavItem[] = [
  { key: "nav.audit", to: "/app/admin/audit" },
  { key: "nav.firmSecurity", to: "/app/admin/security" },
  { key: "nav.staff", to: "/app/admin/staff" },
];

function navItems(me: WhoCan): NavItem[] {
  if (!isStaff(me)) return CUSTOMER_NAV.filter((item) => !item.permission || can(me, item.permission));
  const staff = STAFF_NAV.filter((item) => !item.permission || can(me, item.permission));
  return isAdmin(me) ? [...staff, ...ADMIN_NAV] : staff;
}

function MainNav({ me }: { me: Me }) {
  const { t } = useI18n();
  const items = navItems(me);
  return (
    <nav className="main-nav" aria-label={t("app.mainNav")}>
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            {item.to ? (
              <NavLink to={item.to} end={item.to === "/app"}>{t(item.key)}</NavLink>
            ) : (
              <span className="main-nav__soon" aria-disabled="true">
                {t(item.key)} <span className="badge">{t("app.comingSoon")}</span>
              </span>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function AppShell({ me }: { me: Me }) {
  const { t } = useI18n();
  const { logout } = useSession();
  const navigate = useNavigate();
  const name = me.client?.display_name || me.display_name || me.username;
  // While two-step set-up is all the firm allows, nothing else is offered (only logging out).
  const navigation = navigationAllowed(me);
  return (
    <div className="layout layout--app">
      <SkipLink />
      <header className="site-header">
        <div className="site-header__inner">
          <Brand to="/app" />
          <p className="site-header__firm">{t("app.firm", { firm: me.tenant.name })}</p>
          <div className="site-header__tools">
            <LanguageSwitch />
            <nav className="user-menu" aria-label={t("app.userMenu")}>
              <p className="site-header__user">{t("app.signedInAs", { name })}</p>
              {navigation ? <NoticesLink /> : null}
              {navigation ? <NavLink className="user-menu__link" to="/app/account/security">{t("nav.security")}</NavLink> : null}
              <button type="button" className="button button--ghost"
                onClick={() => { void logout().then(() => navigate("/login", { replace: true, state: { loggedOut: true } })); }}>
                {t("app.logout")}
              </button>
            </nav>
          </div>
        </div>
        {navigation ? <MainNav me={me} /> : null}
      </header>
      <main id="main" tabIndex={-1} className="main">
        <Outlet />
      </main>
      <Footer />
      {/* support, requests and content: the feedback box of seed 003, on every customer page */}
      {navigation && can(me, "feedback:give") ? <FeedbackButton /> : null}
    </div>
  );
}
