// Staff (admin, agent) close a customer's portal access from the client list: a confirmation,
// then POST /users/{portal user id}/close. Refused with 409 `active_products`: the dialog shows
// what is still active (policies, cases, invoices) exactly as the customer's own closure does,
// and only "Volver" is left. Other problems are said in the dialog, which stays to retry.
import { useState } from "react";
import { api, ProblemError } from "../api";
import type { Client, Closure } from "../api/types";
import { ActiveProductsNotice } from "../components/ActiveProductsNotice";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { Notice } from "../components/Notice";
import { useFocusOnChange } from "../components/useFocusOnChange";
import { useI18n } from "../i18n/I18nProvider";
import { activeProducts, problemMessage } from "../i18n/problems";

export function ClosePortalAccessDialog({ client, onClosed, onCancel }: {
  client: Client & { portal_user_id: string };
  onClosed: () => void;
  onCancel: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [busy, setBusy] = useState(false);
  const [active, setActive] = useState<string[]>([]);
  const [activeKey, setActiveKey] = useState(0);
  const [failure, setFailure] = useState<ProblemError | null>(null);
  const failureRef = useFocusOnChange<HTMLDivElement>(failure);

  async function close() {
    setBusy(true);
    setFailure(null);
    try {
      await api.post<Closure>(`/users/${encodeURIComponent(client.portal_user_id)}/close`, {});
      onClosed();
    } catch (problem) {
      if (!(problem instanceof ProblemError)) throw problem;
      const items = activeProducts(problem, i18n);
      if (items.length) {
        setActive(items);
        setActiveKey((k) => k + 1);
      } else {
        setFailure(problem);
      }
    } finally {
      setBusy(false);
    }
  }

  const refused = active.length > 0;
  return (
    <ConfirmDialog id="close-portal-confirm" title={t("clients.closePortalTitle", { name: client.display_name })}
      busy={busy} confirmLabel={refused ? undefined : t("clients.closePortalYes")} busyLabel={t("clients.closingPortal")}
      cancelLabel={refused ? t("clients.closePortalBack") : t("clientForm.cancel")}
      onConfirm={refused ? undefined : () => { void close(); }} onCancel={onCancel}>
      {refused ? (
        <ActiveProductsNotice items={active} title={t("clients.closePortalRefusedTitle", { name: client.display_name })}
          text={t("clients.closePortalRefusedText")} focusKey={activeKey} />
      ) : (
        <>
          <p>{t("clients.closePortalText")}</p>
          {failure ? (
            <div ref={failureRef} tabIndex={-1} className="focus-target">
              <Notice tone="error">{problemMessage(failure, i18n)}</Notice>
            </div>
          ) : null}
        </>
      )}
    </ConfirmDialog>
  );
}
