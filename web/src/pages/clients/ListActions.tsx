// What staff can do with the clients picked in the list (or all that match the filter): the
// mounting point of the selection bar's actions, each given the same selection and count.
import { can } from "../../session/permissions";
import { useSession } from "../../session/SessionProvider";
import type { ClientSelection } from "./clientFilter";
import { BulkAlertsButton } from "./BulkAlertsButton";
import { CampaignButton } from "./CampaignButton";
import { ExportButton } from "./ExportButton";

export function ListActions({ selection, count, onChanged }: {
  selection: ClientSelection;
  /** How many clients the selection reaches; null when the API did not say. */
  count: number | null;
  /** After an action changed the clients (the list reloads). */
  onChanged?: () => void;
}) {
  const { state } = useSession();
  const may = (permission: Parameters<typeof can>[1]) => state.status === "authenticated" && can(state.me, permission);
  return (
    <div className="form-actions list-actions">
      <BulkAlertsButton selection={selection} count={count} onChanged={onChanged} />
      <ExportButton selection={selection} count={count} />
      {may("campaigns:manage") ? <CampaignButton selection={selection} count={count} /> : null}
    </div>
  );
}
