import { describe, expect, it } from "vitest";
import {
  chosenFileProblem, contentUrl, editOf, fileChanges, filesPath, kindOptions, mayDelete,
} from "./clientFilesView";

describe("client files", () => {
  it("lists a client's files for staff and the customer's own under /me", () => {
    expect(filesPath("c 1")).toBe("/clients/c%201/files");
    expect(filesPath(null)).toBe("/me/files");
    expect(contentUrl(null, "f1")).toBe("/api/v1/me/files/f1/content");
  });

  it("refuses a missing, empty, too large or unaccepted file before sending it", () => {
    expect(chosenFileProblem([])).toBe("fieldError.file.required");
    expect(chosenFileProblem([{ name: "dni.pdf", size: 0 }])).toBe("files.empty");
    expect(chosenFileProblem([{ name: "dni.pdf", size: 10 * 1024 * 1024 + 1 }])).toBe("files.tooLarge");
    expect(chosenFileProblem([{ name: "setup.exe", size: 10 }])).toBe("files.forbiddenType");
    expect(chosenFileProblem([{ name: "balance.XLSX", size: 10 }])).toBeNull();
  });

  it("lets customers delete only what their side sent", () => {
    expect(mayDelete({ uploaded_by_kind: "staff" }, true)).toBe(true);
    expect(mayDelete({ uploaded_by_kind: "staff" }, false)).toBe(false);
    expect(mayDelete({ uploaded_by_kind: "customer" }, false)).toBe(true);
  });

  it("sends only the fields staff changed in an edit, the name trimmed", () => {
    const file = { name: "Cuentas 2025", kind: "financial_statements", visible_to_client: true };
    expect(fileChanges(file, editOf(file))).toEqual({});
    expect(fileChanges(file, { ...editOf(file), name: "  Cuentas 2025 " })).toEqual({});
    expect(fileChanges(file, { name: "Cuentas auditadas", kind: "contract", visible_to_client: false })).toEqual({
      name: "Cuentas auditadas", kind: "contract", visible_to_client: false,
    });
    expect(fileChanges(file, { ...editOf(file), visible_to_client: false })).toEqual({ visible_to_client: false });
  });

  it("offers staff every kind, and an older file's own kind too", () => {
    expect(kindOptions("aml_form")).toContain("power_of_attorney");
    expect(kindOptions("aml_form")).not.toContain("payslip");
    expect(kindOptions("payslip").at(-1)).toBe("payslip");
  });
});
