// The customer's "My documents": the files of their client the firm shares with them, to
// download, and the documents they send the firm (identity document, financial statements, the
// anti-money-laundering form...). Sending is for the client's admin, like editing the profile;
// everyone of the client may read.
import { PageTitle } from "../components/PageTitle";
import { useI18n } from "../i18n/I18nProvider";
import { can } from "../session/permissions";
import { useSession } from "../session/SessionProvider";
import { ClientFiles } from "./client/ClientFiles";

export function MyFilesPage() {
  const { t } = useI18n();
  const { state } = useSession();
  const mayUpload = state.status === "authenticated" && can(state.me, "own-profile:write");
  return (
    <>
      <PageTitle>{t("clientFiles.myTitle")}</PageTitle>
      <p className="lead">{t("clientFiles.myIntro")}</p>
      <ClientFiles clientId={null} staff={false} mayUpload={mayUpload} />
    </>
  );
}
