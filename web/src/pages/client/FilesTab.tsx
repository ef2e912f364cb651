// The client's files (seed 002, "Archivos": identity document, financial statements, the
// anti-money-laundering form...). Another slice of issue 4 builds the uploads; until then the tab
// says what it will hold. That slice fills this component in: the client page renders
// <FilesTab clientId=… /> and nothing else of it.
import { useI18n } from "../../i18n/I18nProvider";

export function FilesTab({ clientId }: { clientId: string }) {
  const { t } = useI18n();
  return (
    <div className="empty-state" data-client-id={clientId}>
      <h3>{t("record.filesTitle")}</h3>
      <p>{t("record.filesPlaceholder")}</p>
    </div>
  );
}
