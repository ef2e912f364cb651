// The two ends of a list read by cursor (useCursorPages): the error of a failed load with
// "Reintentar", and "Cargar más" while the API says there is more.
import { Notice } from "./Notice";
import { useI18n } from "../i18n/I18nProvider";
import { problemMessage } from "../i18n/problems";
import type { PagingStatus } from "./useCursorPages";
import type { ProblemError } from "../api";

export function LoadFailed({ problem, onRetry }: { problem: ProblemError | null; onRetry: () => void }) {
  const i18n = useI18n();
  if (!problem) return null;
  return (
    <Notice tone="error">
      {problemMessage(problem, i18n)}{" "}
      <button type="button" className="button button--small" onClick={onRetry}>{i18n.t("app.retry")}</button>
    </Notice>
  );
}

export function LoadMoreButton({ cursor, status, onMore }: {
  cursor: string | null; status: PagingStatus; onMore: () => void;
}) {
  const { t } = useI18n();
  if (!cursor) return null;
  return (
    <p>
      <button type="button" className="button" disabled={status === "more"} onClick={onMore}>
        {status === "more" ? t("clients.loadingMore") : t("clients.loadMore")}
      </button>
    </p>
  );
}
