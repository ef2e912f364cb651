// What a tab shows while it loads, when it failed (with a retry) and when it has nothing.
import type { ReactNode } from "react";
import type { ProblemError } from "../../api";
import { LoadFailed } from "../../components/LoadMore";
import { useI18n } from "../../i18n/I18nProvider";

export function TabState({ loading, error, onRetry, empty, emptyText, children }: {
  loading: boolean; error: ProblemError | null; onRetry: () => void; empty: boolean; emptyText: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  if (error) return <LoadFailed problem={error} onRetry={onRetry} />;
  if (loading) return <p className="loading" role="status">{t("app.loading")}</p>;
  if (empty) return <p className="empty-state">{emptyText}</p>;
  return <>{children}</>;
}
