// The client's files (seed 002, "Archivos": identity document, financial statements, the
// anti-money-laundering form...): staff upload, download, rename, re-classify and delete them here,
// and choose whether each is shared with the client (the customer's "My documents") or kept
// internal. Each change is in the history tab.
import { useSession } from "../../session/SessionProvider";
import { can } from "../../session/permissions";
import { ClientFiles } from "./ClientFiles";

export function FilesTab({ clientId }: { clientId: string }) {
  const { state } = useSession();
  const mayUpload = state.status === "authenticated" && can(state.me, "clients:write");
  return <ClientFiles clientId={clientId} staff mayUpload={mayUpload} />;
}
