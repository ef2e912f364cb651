// The header's link to the in-app notices, with how many are unread. It counts again on every
// page change and when the notices page marks some read.
import { useEffect, useState } from "react";
import { NavLink, useLocation } from "react-router";
import { useI18n } from "../i18n/I18nProvider";
import { fetchNotices, NOTICES_CHANGED } from "../pages/notices";

export function NoticesLink() {
  const { t, plural } = useI18n();
  const location = useLocation();
  const [unread, setUnread] = useState(0);
  const [changes, setChanges] = useState(0);

  useEffect(() => {
    const recount = () => setChanges((n) => n + 1);
    window.addEventListener(NOTICES_CHANGED, recount);
    return () => window.removeEventListener(NOTICES_CHANGED, recount);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    fetchNotices(undefined, controller.signal, 1)
      .then((page) => setUnread(page.unread))
      .catch(() => { /* the count is a hint: a failure leaves the last one */ });
    return () => controller.abort();
  }, [location.pathname, changes]);

  return (
    <NavLink className="user-menu__link" to="/app/notifications">
      {t("nav.notices")}
      {unread > 0 ? <> <span className="badge">{plural("notices.unreadBadge", unread)}</span></> : null}
    </NavLink>
  );
}
