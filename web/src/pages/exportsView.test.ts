import { describe, expect, it } from "vitest";
import {
  availableUntil, downloadUrl, exportState, isPending, rowsShown, shouldPoll, stateKey, type ExportJob,
} from "./exportsView";

const job = (status: string, id = "e-1"): ExportJob => ({
  id, status, rows: 120_000, error: "", created_at: "2026-11-23T10:00:00+00:00",
  finished_at: status === "queued" || status === "running" ? null : "2026-11-23T10:00:09+00:00",
  expires_at: "2026-11-26T10:00:09+00:00", file_name: status === "done" ? "clientes-2026-11-23.xlsx" : null,
});

describe("my exports", () => {
  it("polls while a job is queued or running, and stops once every job is finished", () => {
    expect(shouldPoll([job("done"), job("running")])).toBe(true);
    expect(shouldPoll([job("queued")])).toBe(true);
    expect(shouldPoll([job("done"), job("failed"), job("expired")])).toBe(false);
    expect(shouldPoll([])).toBe(false);
    expect(isPending(job("running"))).toBe(true);
  });

  it("offers the file of a finished job only, until its expiry", () => {
    expect(downloadUrl(job("done", "a b/c"))).toBe("/api/v1/client-exports/a%20b%2Fc/file");
    expect(availableUntil(job("done"))).toBe("2026-11-26T10:00:09+00:00");
    for (const status of ["queued", "running", "failed", "expired"]) {
      expect(downloadUrl(job(status))).toBeNull();
      expect(availableUntil(job(status))).toBeNull();
    }
  });

  it("shows how many clients once the file was written", () => {
    expect(rowsShown(job("done"))).toBe(120_000);
    expect(rowsShown(job("expired"))).toBe(120_000);
    expect(rowsShown(job("running"))).toBeNull();
    expect(rowsShown(job("failed"))).toBeNull();
  });

  it("reads an unknown state as failed: never downloadable, never polled", () => {
    expect(exportState("archived")).toBe("failed");
    expect(stateKey("archived")).toBe("clientExports.state.failed");
    expect(stateKey("done")).toBe("clientExports.state.done");
    expect(shouldPoll([job("archived")])).toBe(false);
    expect(downloadUrl(job("archived"))).toBeNull();
  });
});
