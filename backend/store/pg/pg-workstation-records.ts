import type { Pool, PoolClient } from "pg";
import { z } from "zod";
import { HandoverSchema, type Handover } from "../../../shared/domain/handover.js";
import type { AuditEntry } from "../backend-store.js";
import type { WorkstationRecords } from "../workstation-records.js";
import { withLogLock, type LogHeads } from "./pg-transaction.js";

const HandoverRowSchema = z.object({ data: z.string() });

function toHandover(rows: readonly unknown[]): Handover | null {
  if (rows[0] === undefined) return null;
  return HandoverSchema.parse(JSON.parse(HandoverRowSchema.parse(rows[0]).data));
}

type AuditWriter = (client: PoolClient, heads: LogHeads, entries: readonly AuditEntry[]) => Promise<void>;

/** PostgreSQL side of WorkstationRecords; every write is audited, so each holds the log lock. */
export class PgWorkstationRecords implements WorkstationRecords {
  constructor(
    private readonly pool: Pool,
    private readonly writeAudit: AuditWriter,
  ) {}

  async addHandover(handover: Handover, audit: readonly AuditEntry[]): Promise<void> {
    await withLogLock(this.pool, async (client, heads) => {
      await this.writeAudit(client, heads, audit);
      await client.query("INSERT INTO handovers (id, written_at, from_operator_id, data, acknowledged_at) VALUES ($1, $2, $3, $4, $5)", [
        handover.id,
        handover.writtenAt,
        handover.fromOperatorId,
        JSON.stringify(handover),
        handover.acknowledgedAt,
      ]);
    });
  }

  async getHandover(id: string): Promise<Handover | null> {
    return toHandover((await this.pool.query("SELECT data FROM handovers WHERE id = $1", [id])).rows);
  }

  async pendingHandover(): Promise<Handover | null> {
    return toHandover((await this.pool.query("SELECT data FROM handovers WHERE acknowledged_at IS NULL ORDER BY written_at DESC LIMIT 1")).rows);
  }

  async updateHandover(id: string, decide: (current: Handover | null) => { next: Handover | null; audit: AuditEntry[] }): Promise<Handover | null> {
    return withLogLock(this.pool, async (client, heads) => {
      const current = toHandover((await client.query("SELECT data FROM handovers WHERE id = $1", [id])).rows);
      const { next, audit } = decide(current);
      await this.writeAudit(client, heads, audit);
      if (next !== null) await client.query("UPDATE handovers SET data = $1, acknowledged_at = $2 WHERE id = $3", [JSON.stringify(next), next.acknowledgedAt, id]);
      return next ?? current;
    });
  }
}
