// The client's files, free of React: what the API answers, the kinds of document (customers send
// fewer kinds than staff file) and the check of a chosen file before sending it.
import type { Key } from "../../i18n/catalogue";
import { DOCUMENT_ACCEPT, filesProblem } from "../supportView";

export const FILE_KINDS = ["identity_document", "financial_statements", "aml_form", "contract", "power_of_attorney",
  "other"] as const;
export const CUSTOMER_FILE_KINDS = ["identity_document", "financial_statements", "aml_form", "other"] as const;
export type FileKind = (typeof FILE_KINDS)[number];
/** crm's default cap (CLIENT_FILE_MAX_BYTES); the server decides, this spares a useless upload. */
export const CLIENT_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const CLIENT_FILE_ACCEPT = DOCUMENT_ACCEPT;

export interface ClientFile {
  id: string;
  client_id: string;
  name: string;
  kind: string;
  file_name: string;
  original_file_name: string;
  content_type: string;
  size: number;
  uploaded_by_id: string | null;
  uploaded_by_name: string;
  uploaded_by_kind: "staff" | "customer";
  uploaded_at: string;
  visible_to_client: boolean;
  updated_at: string;
}

/** Where a list of files lives: a client's for staff, the customer's own under /me. */
export function filesPath(clientId: string | null): string {
  return clientId === null ? "/me/files" : `/clients/${encodeURIComponent(clientId)}/files`;
}

export function contentUrl(clientId: string | null, fileId: string): string {
  return `/api/v1${filesPath(clientId)}/${encodeURIComponent(fileId)}/content`;
}

/** The chosen file's problem before sending (a catalogue key), or a missing file's. */
export function chosenFileProblem(files: readonly { name: string; size: number }[]): Key | null {
  if (!files.length) return "fieldError.file.required";
  return filesProblem(files, { max: 1, maxBytes: CLIENT_FILE_MAX_BYTES, accept: CLIENT_FILE_ACCEPT });
}

/** Who may delete a file: staff any; a customer only what their side sent. */
export function mayDelete(file: Pick<ClientFile, "uploaded_by_kind">, staff: boolean): boolean {
  return staff || file.uploaded_by_kind === "customer";
}

/** What staff may change of a file (PATCH /clients/{id}/files/{file_id}). */
export interface FileEdit {
  name: string;
  kind: string;
  visible_to_client: boolean;
}
export const FILE_EDIT_FIELDS = ["name", "kind", "visible_to_client"] as const;
export type FileEditField = (typeof FILE_EDIT_FIELDS)[number];

export function editOf(file: Pick<ClientFile, FileEditField>): FileEdit {
  return { name: file.name, kind: file.kind, visible_to_client: file.visible_to_client };
}

/** The fields of an edit that differ from the file: what the PATCH sends (empty: nothing to save).
 * The name is compared trimmed, as crm keeps it. */
export function fileChanges(file: Pick<ClientFile, FileEditField>, edit: FileEdit): Partial<FileEdit> {
  const changes: Partial<FileEdit> = {};
  const name = edit.name.trim();
  if (name !== file.name) changes.name = name;
  if (edit.kind !== file.kind) changes.kind = edit.kind;
  if (edit.visible_to_client !== file.visible_to_client) changes.visible_to_client = edit.visible_to_client;
  return changes;
}

/** The kinds staff may pick for a file: theirs, plus the file's own if it is an older one. */
export function kindOptions(current: string): string[] {
  const kinds: string[] = [...FILE_KINDS];
  return kinds.includes(current) ? kinds : [...kinds, current];
}
