import Database from "better-sqlite3";
import { z } from "zod";
import { EntityKindSchema, type Change, type EntityKind } from "../../shared/protocol/backend.js";
import type {
  AuditEntry,
  BackendStore,
  ChangeListener,
  EntityRef,
  EntityWrite,
  IdempotentResult,
  IdempotentWork,
  StoredAuditEntry,
  StoredEntity,
} from "./backend-store.js";
import { migrate } from "./migrate.js";
import { MIGRATIONS } from "./migrations/index.js";

const ChangeRowSchema = z.object({
  seq: z.number().int(),
  entity: EntityKindSchema,
  op: z.enum(["upsert", "delete"]),
  id: z.string(),
  at: z.string(),
  data: z.string().nullable(),
});
const EntityRowSchema = z.object({ data: z.string(), seq: z.number().int() });
const DataRowSchema = z.object({ data: z.string() });
const CountRowSchema = z.object({ n: z.number().int() });
const ResponseRowSchema = z.object({ response: z.string() });
const AuditRowSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  operator_id: z.string(),
  action: z.string(),
  target_kind: EntityKindSchema.nullable(),
  target_id: z.string().nullable(),
  outcome: z.enum(["applied", "rejected"]),
  detail: z.string(),
});

export interface SqliteStoreOptions {
  /** A file path, or ":memory:" for tests. */
  filename: string;
  /** Where a throwing commit listener is reported; the commit itself has already succeeded. */
  onListenerError?: (error: unknown) => void;
}

function toChange(row: unknown): Change {
  const r = ChangeRowSchema.parse(row);
  return { seq: r.seq, entity: r.entity, op: r.op, id: r.id, at: r.at, data: r.data === null ? null : JSON.parse(r.data) };
}

/** Opens (creating and migrating as needed) the SQLite store. Throws StoreVersionError for a newer database. */
export function openSqliteStore(options: SqliteStoreOptions): BackendStore {
  const db = new Database(options.filename);
  try {
    if (options.filename !== ":memory:") db.pragma("journal_mode = WAL");
    // NORMAL in WAL mode is durable except for the last commits before a power cut: fine for a simulator,
    // and it keeps commits cheap.
    db.pragma("synchronous = NORMAL");
    db.pragma("busy_timeout = 5000");
    migrate(db, MIGRATIONS);
  } catch (error) {
    db.close();
    throw error;
  }
  return new SqliteStore(db, options.onListenerError ?? (() => undefined));
}

class SqliteStore implements BackendStore {
  private readonly listeners = new Set<ChangeListener>();
  private readonly statements;

  constructor(
    private readonly db: Database.Database,
    private readonly onListenerError: (error: unknown) => void,
  ) {
    this.statements = {
      head: db.prepare("SELECT COALESCE(MAX(seq), 0) AS n FROM changes"),
      changesAfter: db.prepare("SELECT seq, entity, op, id, at, data FROM changes WHERE seq > ? ORDER BY seq LIMIT ?"),
      getEntity: db.prepare("SELECT data, seq FROM entities WHERE kind = ? AND id = ?"),
      listEntities: db.prepare("SELECT data FROM entities WHERE kind = ? ORDER BY id"),
      countEntities: db.prepare("SELECT COUNT(*) AS n FROM entities"),
      insertChange: db.prepare("INSERT INTO changes (entity, op, id, at, data) VALUES (?, ?, ?, ?, ?)"),
      upsertEntity: db.prepare(
        "INSERT INTO entities (kind, id, data, seq) VALUES (?, ?, ?, ?) " +
          "ON CONFLICT (kind, id) DO UPDATE SET data = excluded.data, seq = excluded.seq",
      ),
      deleteEntity: db.prepare("DELETE FROM entities WHERE kind = ? AND id = ?"),
      insertAudit: db.prepare(
        "INSERT INTO audit_log (at, operator_id, action, target_kind, target_id, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
      ),
      auditLog: db.prepare("SELECT * FROM audit_log ORDER BY id DESC LIMIT ?"),
      getApplied: db.prepare("SELECT response FROM applied_actions WHERE idempotency_key = ?"),
      insertApplied: db.prepare("INSERT INTO applied_actions (idempotency_key, response, at) VALUES (?, ?, ?)"),
    };
  }

  async headSeq(): Promise<number> {
    return CountRowSchema.parse(this.statements.head.get()).n;
  }

  async changesAfter(after: number, limit: number): Promise<Change[]> {
    return this.statements.changesAfter.all(after, limit).map(toChange);
  }

  async getEntity(kind: EntityKind, id: string): Promise<StoredEntity | null> {
    return this.readEntity(kind, id);
  }

  async listEntities(kind: EntityKind): Promise<unknown[]> {
    return this.statements.listEntities.all(kind).map((row) => JSON.parse(DataRowSchema.parse(row).data));
  }

  async countEntities(): Promise<number> {
    return CountRowSchema.parse(this.statements.countEntities.get()).n;
  }

  async commit(writes: readonly EntityWrite[], audit: readonly AuditEntry[] = []): Promise<Change[]> {
    const changes = this.db.transaction(() => {
      this.writeAudit(audit);
      return this.writeEntities(writes);
    })();
    this.emit(changes);
    return changes;
  }

  async transact(reads: readonly EntityRef[], decide: (entities: ReadonlyArray<StoredEntity | null>) => EntityWrite[]): Promise<Change[]> {
    const changes = this.db.transaction(() => this.writeEntities(decide(reads.map((ref) => this.readEntity(ref.kind, ref.id)))))();
    this.emit(changes);
    return changes;
  }

  async applyOnce(work: IdempotentWork): Promise<IdempotentResult> {
    const outcome = this.db.transaction((): IdempotentResult & { changes: Change[] } => {
      const previous = this.statements.getApplied.get(work.idempotencyKey);
      if (previous !== undefined) {
        return { replayed: true, response: JSON.parse(ResponseRowSchema.parse(previous).response), changes: [] };
      }
      const entities = work.reads.map((ref) => this.readEntity(ref.kind, ref.id));
      const decision = work.decide(entities);
      this.writeAudit(decision.audit);
      const changes = this.writeEntities(decision.writes);
      const response = decision.respond(changes);
      this.statements.insertApplied.run(work.idempotencyKey, JSON.stringify(response), work.at);
      return { replayed: false, response, changes };
    })();
    this.emit(outcome.changes);
    return { replayed: outcome.replayed, response: outcome.response };
  }

  async auditLog(limit: number): Promise<StoredAuditEntry[]> {
    return this.statements.auditLog.all(limit).map((row) => {
      const r = AuditRowSchema.parse(row);
      const detail = z.record(z.string(), z.unknown()).parse(JSON.parse(r.detail));
      return {
        id: r.id,
        at: r.at,
        operatorId: r.operator_id,
        action: r.action,
        targetKind: r.target_kind,
        targetId: r.target_id,
        outcome: r.outcome,
        detail,
      };
    });
  }

  onCommit(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
    if (this.db.open) this.db.close();
  }

  private readEntity(kind: EntityKind, id: string): StoredEntity | null {
    const row = this.statements.getEntity.get(kind, id);
    if (row === undefined) return null;
    const r = EntityRowSchema.parse(row);
    return { data: JSON.parse(r.data), seq: r.seq };
  }

  /** Must run inside a transaction: the change and the entity row share one seq. */
  private writeEntities(writes: readonly EntityWrite[]): Change[] {
    const at = new Date().toISOString();
    return writes.map((write): Change => {
      const json = write.op === "upsert" ? JSON.stringify(write.data) : null;
      const seq = Number(this.statements.insertChange.run(write.entity, write.op, write.id, at, json).lastInsertRowid);
      if (json === null) this.statements.deleteEntity.run(write.entity, write.id);
      else this.statements.upsertEntity.run(write.entity, write.id, json, seq);
      // Hand out a copy parsed back from JSON, exactly what a reader of the changes table gets.
      return { seq, entity: write.entity, op: write.op, id: write.id, at, data: json === null ? null : JSON.parse(json) };
    });
  }

  private writeAudit(entries: readonly AuditEntry[]): void {
    for (const e of entries) {
      this.statements.insertAudit.run(e.at, e.operatorId, e.action, e.targetKind, e.targetId, e.outcome, JSON.stringify(e.detail));
    }
  }

  private emit(changes: readonly Change[]): void {
    if (changes.length === 0) return;
    for (const listener of [...this.listeners]) {
      try {
        listener(changes);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }
}
