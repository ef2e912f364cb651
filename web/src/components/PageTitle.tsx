// The page's one <h1>. It also sets document.title and, after a client-side navigation (not on
// the first load), takes the keyboard focus so screen-reader users hear where they arrived.
import { useEffect, useRef } from "react";
import { useLocation } from "react-router";
import { useI18n } from "../i18n/I18nProvider";

let lastFocusedKey = "default"; // BrowserRouter's key of the first location

export function PageTitle({ children, title, id }: { children: string; title?: string; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  const { t } = useI18n();

  useEffect(() => {
    document.title = t("app.pageTitle", { page: title ?? children });
  }, [children, title, t]);

  useEffect(() => {
    if (location.key !== lastFocusedKey) {
      lastFocusedKey = location.key;
      ref.current?.focus();
    }
  }, [location.key]);

  return <h1 ref={ref} id={id} tabIndex={-1} className="page-title">{children}</h1>;
}
