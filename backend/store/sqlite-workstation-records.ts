import type Database from "better-sqlite3";
import { z } from "zod";
import { HandoverSchema, type Handover } from "../../shared/domain/handover.js";
import type { AuditEntry } from "./backend-store.js";
import type { WorkstationRecords } from "./workstation-records.js";

const HandoverRowSchema = z.object({ data: z.string() });

function toHandover(row: unknown): Handover | null {
  if (row === undefined) return null;
  return HandoverSchema.parse(JSON.parse(HandoverRowSchema.parse(row).data));
}

/**
 * SQLite side of WorkstationRecords. `writeAudit` is the store's own (hash-chained) audit writer,
 * called inside the same transaction as the handover row.
 */
export class SqliteWorkstationRecords implements WorkstationRecords {
  private readonly statements;

  constructor(
    private readonly db: Database.Database,
    private readonly writeAudit: (entries: readonly AuditEntry[]) => void,
  ) {
    this.statements = {
      insertHandover: db.prepare("INSERT INTO handovers (id, written_at, from_operator_id, data, acknowledged_at) VALUES (?, ?, ?, ?, ?)"),
      updateHandover: db.prepare("UPDATE handovers SET data = ?, acknowledged_at = ? WHERE id = ?"),
      getHandover: db.prepare("SELECT data FROM handovers WHERE id = ?"),
      pendingHandover: db.prepare("SELECT data FROM handovers WHERE acknowledged_at IS NULL ORDER BY written_at DESC LIMIT 1"),
    };
  }

  async addHandover(handover: Handover, audit: readonly AuditEntry[]): Promise<void> {
    this.db.transaction(() => {
      this.writeAudit(audit);
      this.statements.insertHandover.run(handover.id, handover.writtenAt, handover.fromOperatorId, JSON.stringify(handover), handover.acknowledgedAt);
    })();
  }

  async getHandover(id: string): Promise<Handover | null> {
    return toHandover(this.statements.getHandover.get(id));
  }

  async pendingHandover(): Promise<Handover | null> {
    return toHandover(this.statements.pendingHandover.get());
  }

  async updateHandover(id: string, decide: (current: Handover | null) => { next: Handover | null; audit: AuditEntry[] }): Promise<Handover | null> {
    return this.db.transaction(() => {
      const current = toHandover(this.statements.getHandover.get(id));
      const { next, audit } = decide(current);
      this.writeAudit(audit);
      if (next !== null) this.statements.updateHandover.run(JSON.stringify(next), next.acknowledgedAt, id);
      return next ?? current;
    })();
  }
}
