import type { Handover } from "../../shared/domain/handover.js";
import type { AuditEntry } from "./backend-store.js";

/** What the backend keeps for shift handovers; part of BackendStore. */
export interface WorkstationRecords {
  /** Stores a new handover together with its audit entries (one transaction). */
  addHandover(handover: Handover, audit: readonly AuditEntry[]): Promise<void>;
  getHandover(id: string): Promise<Handover | null>;
  /** The newest handover nobody acknowledged yet. */
  pendingHandover(): Promise<Handover | null>;
  /**
   * Read-decide-write in one transaction: `decide` sees the stored handover and returns the new
   * version to store (or null to store nothing) with the audit entries to write either way.
   */
  updateHandover(id: string, decide: (current: Handover | null) => { next: Handover | null; audit: AuditEntry[] }): Promise<Handover | null>;
}
