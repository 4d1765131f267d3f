import pg, { type Pool, type PoolClient } from "pg";
import { z } from "zod";
import { EntityKindSchema, type AuditVerification, type Change, type EntityKind } from "../../../shared/protocol/backend.js";
import type { Handover } from "../../../shared/domain/handover.js";
import { auditHeadMac, verifyAuditChain, type AuditChainRow, type AuditHead } from "../../audit/audit-chain.js";
import { AuditKeyMismatchError } from "../../audit/audit-key-mismatch.js";
import type {
  AuditEntry,
  BackendStore,
  ChangeListener,
  EntityRef,
  EntityWrite,
  IdempotentResult,
  IdempotentWork,
  StoredAuditEntry,
  StoredChange,
  StoredEntity,
} from "../backend-store.js";
import type { SessionRecords } from "../session-records.js";
import type { WorkstationRecords } from "../workstation-records.js";
import { ChangeFeed } from "./change-feed.js";
import { appendAudit, appendToLog } from "./log-append.js";
import { PG_MIGRATIONS } from "./migrations/index.js";
import { ChangeFollower } from "./change-follower.js";
import { StoreVersionError } from "../migrate.js";
import { migratePg, NEWER_PG_SCHEMA_ADVICE, pgSchemaVersion } from "./pg-migrate.js";
import { PgSessionRecords } from "./pg-session-records.js";
import { withLogLock, type LogHeads } from "./pg-transaction.js";
import type { RecordingIndex } from "../recording-index.js";
import { PgRecordingIndex } from "./pg-recording-index.js";
import { PgWorkstationRecords } from "./pg-workstation-records.js";
import { PgCredentialRows } from "./pg-camera-secrets.js";
import { SealedCameraSecrets } from "../sealed-camera-secrets.js";
import type { CameraSecrets } from "../camera-secrets.js";

const Int = z.coerce.number().int();
const ChangeRowSchema = z.object({ seq: Int, entity: EntityKindSchema, op: z.enum(["upsert", "delete"]), id: z.string(), at: z.string(), data: z.string().nullable() });
const EntityRowSchema = z.object({ kind: z.string(), id: z.string(), data: z.string(), seq: Int });
const DataRowSchema = z.object({ data: z.string() });
const CountRowSchema = z.object({ n: Int });
const ResponseRowSchema = z.object({ operator_id: z.string(), request_hash: z.string(), response: z.string() });
const AuditHeadRowSchema = z.object({ last_id: Int, hash: z.string(), mac: z.string().nullable() });
const AuditRowSchema = z.object({
  id: Int,
  at: z.string(),
  operator_id: z.string(),
  action: z.string(),
  target_kind: z.string().nullable(),
  target_id: z.string().nullable(),
  outcome: z.string(),
  detail: z.string(),
  prev_hash: z.string().nullable(),
  hash: z.string().nullable(),
});
const AuditLogRowSchema = AuditRowSchema.extend({ target_kind: EntityKindSchema.nullable(), outcome: z.enum(["applied", "rejected"]) });

export interface PgStoreOptions {
  /** postgres://user:password@host:port/database; never logged (see redactDatabaseUrl). */
  connectionString: string;
  /** The audit trail's HMAC key (see backend/audit/audit-key.ts). */
  auditKey: Buffer;
  /** Where a throwing commit listener (or a failed read of other instances' changes) is reported. */
  onListenerError?: (error: unknown) => void;
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /**
   * Follow other instances' commits (LISTEN, and a poll of the head in case a notification is
   * lost); default true. Off for tools that only read or write.
   */
  followOtherInstances?: boolean;
  /** How often the head is polled when following (default 1000 ms). */
  pollMs?: number;
  /**
   * Open to read and verify only (the audit verifier): no migration, read-only transactions, no
   * following; the schema must be the newest this backend knows, and the trail's head is left for
   * verifyAudit to judge.
   */
  readonly?: boolean;
}

function toStoredChange(row: unknown): StoredChange {
  const r = ChangeRowSchema.parse(row);
  return { seq: r.seq, entity: r.entity, op: r.op, id: r.id, at: r.at, dataJson: r.data };
}

function toChainRow(row: unknown): AuditChainRow {
  const r = AuditRowSchema.parse(row);
  return { id: r.id, at: r.at, operatorId: r.operator_id, action: r.action, targetKind: r.target_kind, targetId: r.target_id, outcome: r.outcome, detail: r.detail, prevHash: r.prev_hash, hash: r.hash };
}

function toStoredAuditEntry(row: unknown): StoredAuditEntry {
  const r = AuditLogRowSchema.parse(row);
  return {
    id: r.id,
    at: r.at,
    operatorId: r.operator_id,
    action: r.action,
    targetKind: r.target_kind,
    targetId: r.target_id,
    outcome: r.outcome,
    detail: z.record(z.string(), z.unknown()).parse(JSON.parse(r.detail)),
  };
}

async function readAuditHead(db: Pool | PoolClient): Promise<AuditHead | null> {
  const result = await db.query("SELECT last_id, hash, mac FROM audit_head WHERE singleton = 1");
  if (result.rows[0] === undefined) return null;
  const r = AuditHeadRowSchema.parse(result.rows[0]);
  return { lastId: r.last_id, hash: r.hash, mac: r.mac };
}

/**
 * Opens (creating and migrating as needed) the PostgreSQL store. Throws StoreVersionError for a
 * newer schema, AuditKeyMismatchError for another key's trail; the pool is closed on failure.
 */
export async function openPgStore(options: PgStoreOptions): Promise<BackendStore> {
  const readonly = options.readonly === true;
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: readonly ? 1 : (options.poolSize ?? 10),
    application_name: readonly ? "ioc-audit-verify" : "ioc-backend",
    ...(readonly ? { options: "-c default_transaction_read_only=on" } : {}),
  });
  // An idle connection the server dropped must not take the process down; the next query reconnects.
  pool.on("error", (error) => options.onListenerError?.(error));
  try {
    if (readonly) {
      const version = await pgSchemaVersion(pool);
      if (version !== PG_MIGRATIONS.length) throw new StoreVersionError(version, PG_MIGRATIONS.length, NEWER_PG_SCHEMA_ADVICE);
    } else {
      await migratePg(pool, PG_MIGRATIONS, { auditKey: options.auditKey });
      const head = await readAuditHead(pool);
      if (head === null || head.mac !== auditHeadMac(options.auditKey, head.lastId, head.hash)) throw new AuditKeyMismatchError();
    }
    const store = new PgStore(pool, options);
    await store.start(!readonly && options.followOtherInstances !== false);
    return store;
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
}

class PgStore implements BackendStore {
  private readonly listeners = new Set<ChangeListener>();
  private readonly onListenerError: (error: unknown) => void;
  private feed: ChangeFeed | null = null;
  private follower: ChangeFollower | null = null;
  readonly sessions: SessionRecords;
  readonly recordings: RecordingIndex;
  readonly cameraSecrets: CameraSecrets;
  private readonly records: WorkstationRecords;

  constructor(
    private readonly pool: Pool,
    private readonly options: PgStoreOptions,
  ) {
    this.onListenerError = options.onListenerError ?? (() => undefined);
    const writeAudit = (client: PoolClient, heads: LogHeads, entries: readonly AuditEntry[]) => appendAudit(client, options.auditKey, heads, entries);
    this.sessions = new PgSessionRecords(pool, writeAudit);
    this.records = new PgWorkstationRecords(pool, writeAudit);
    this.recordings = new PgRecordingIndex(pool);
    this.cameraSecrets = new SealedCameraSecrets(new PgCredentialRows(pool), options.auditKey);
  }

  async start(follow: boolean): Promise<void> {
    const feed = new ChangeFeed(await this.headSeq(), (after, limit) => this.changesAfter(after, limit), (changes) => this.emit(changes), this.onListenerError, () => this.listeners.size > 0);
    this.feed = feed;
    if (follow) {
      this.follower = new ChangeFollower(this.options.connectionString, (head) => void feed.headIsAt(head), () => this.headSeq(), this.options.pollMs ?? 1000, this.onListenerError);
      await this.follower.start();
    }
  }

  async headSeq(): Promise<number> {
    const result = await this.pool.query({ name: "ioc-head", text: "SELECT COALESCE(MAX(seq), 0) AS n FROM changes" });
    return CountRowSchema.parse(result.rows[0]).n;
  }

  async changesAfter(after: number, limit: number): Promise<StoredChange[]> {
    const result = await this.pool.query({ name: "ioc-changes-after", text: "SELECT seq, entity, op, id, at, data FROM changes WHERE seq > $1 ORDER BY seq LIMIT $2", values: [after, limit] });
    return result.rows.map(toStoredChange);
  }

  async getEntity(kind: EntityKind, id: string): Promise<StoredEntity | null> {
    return (await this.readEntities(this.pool, [{ kind, id }]))[0] ?? null;
  }

  async listEntities(kind: EntityKind): Promise<unknown[]> {
    const result = await this.pool.query({ name: "ioc-list-entities", text: "SELECT data FROM entities WHERE kind = $1 ORDER BY id", values: [kind] });
    return result.rows.map((row) => JSON.parse(DataRowSchema.parse(row).data));
  }

  async countEntities(): Promise<number> {
    const result = await this.pool.query("SELECT COUNT(*) AS n FROM entities");
    return CountRowSchema.parse(result.rows[0]).n;
  }

  async commit(writes: readonly EntityWrite[], audit: readonly AuditEntry[] = []): Promise<Change[]> {
    const changes = await withLogLock(this.pool, async (client, heads) => (await appendToLog(client, this.options.auditKey, heads, writes, audit)).changes);
    await this.published(changes);
    return changes;
  }

  async transact(reads: readonly EntityRef[], decide: (entities: ReadonlyArray<StoredEntity | null>) => EntityWrite[]): Promise<Change[]> {
    return this.transactAudited(reads, (entities) => ({ writes: decide(entities), audit: [] }));
  }

  async transactAudited(
    reads: readonly EntityRef[],
    decide: (entities: ReadonlyArray<StoredEntity | null>) => { writes: EntityWrite[]; audit: AuditEntry[] },
  ): Promise<Change[]> {
    const changes = await withLogLock(this.pool, async (client, heads) => {
      const decision = decide(await this.readEntities(client, reads));
      return (await appendToLog(client, this.options.auditKey, heads, decision.writes, decision.audit)).changes;
    });
    await this.published(changes);
    return changes;
  }

  async applyOnce(work: IdempotentWork): Promise<IdempotentResult> {
    // Under the log lock, so two instances handed the same key at once cannot both apply it.
    const outcome = await withLogLock(this.pool, async (client, heads): Promise<IdempotentResult & { changes: Change[] }> => {
      const previous = await client.query({
        name: "ioc-applied",
        // The operator's own key first; a key answered before keys were per operator, for anyone.
        text: "SELECT operator_id, request_hash, response FROM applied_actions_by_operator WHERE idempotency_key = $2 AND operator_id IN ($1, '') ORDER BY operator_id DESC LIMIT 1",
        values: [work.operatorId, work.idempotencyKey],
      });
      if (previous.rows[0] !== undefined) {
        const row = ResponseRowSchema.parse(previous.rows[0]);
        if (row.request_hash !== "" && row.request_hash !== work.requestHash) {
          const refusal = { ok: false, error: { kind: "conflict", message: `Idempotency key ${work.idempotencyKey} was already used for another request: nothing was applied.` } };
          return { replayed: true, response: refusal, changes: [] };
        }
        return { replayed: true, response: JSON.parse(row.response), changes: [] };
      }
      const decision = work.decide(await this.readEntities(client, work.reads));
      const applied = { operatorId: work.operatorId, idempotencyKey: work.idempotencyKey, requestHash: work.requestHash, at: work.at, respond: decision.respond };
      const { changes, response } = await appendToLog(client, this.options.auditKey, heads, decision.writes, decision.audit, applied);
      return { replayed: false, response, changes };
    });
    await this.published(outcome.changes);
    return { replayed: outcome.replayed, response: outcome.response };
  }

  async auditLog(limit: number): Promise<StoredAuditEntry[]> {
    const result = await this.pool.query("SELECT * FROM audit_log ORDER BY id DESC LIMIT $1", [limit]);
    return result.rows.map(toStoredAuditEntry);
  }

  async verifyAudit(): Promise<AuditVerification> {
    // One snapshot for the rows and the head, so an append in between is not mistaken for tampering.
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const rows = (await client.query("SELECT * FROM audit_log ORDER BY id")).rows.map(toChainRow);
      const head = await readAuditHead(client);
      await client.query("COMMIT");
      return verifyAuditChain(rows, head, this.options.auditKey);
    } finally {
      client.release();
    }
  }

  addHandover(...args: Parameters<WorkstationRecords["addHandover"]>): Promise<void> {
    return this.records.addHandover(...args);
  }
  getHandover(id: string): Promise<Handover | null> {
    return this.records.getHandover(id);
  }
  pendingHandover(): Promise<Handover | null> {
    return this.records.pendingHandover();
  }
  updateHandover(...args: Parameters<WorkstationRecords["updateHandover"]>): Promise<Handover | null> {
    return this.records.updateHandover(...args);
  }

  onCommit(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private closing: Promise<void> | null = null;
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.listeners.clear();
      await this.follower?.close();
      await this.pool.end();
    })();
    return this.closing;
  }

  /** In the order asked for; null where there is no such entity. */
  private async readEntities(db: Pool | PoolClient, refs: readonly EntityRef[]): Promise<Array<StoredEntity | null>> {
    if (refs.length === 0) return [];
    const result = await db.query({
      name: "ioc-read-entities",
      text: "SELECT e.kind, e.id, e.data, e.seq FROM entities e JOIN unnest($1::text[], $2::text[]) AS r(kind, id) ON e.kind = r.kind AND e.id = r.id",
      values: [refs.map((r) => r.kind), refs.map((r) => r.id)],
    });
    const found = new Map(result.rows.map((row) => EntityRowSchema.parse(row)).map((r) => [JSON.stringify([r.kind, r.id]), { data: JSON.parse(r.data), seq: r.seq }] as const));
    // A fresh parse per ref: two refs to one entity must not share one mutable object.
    return refs.map((ref) => {
      const entity = found.get(JSON.stringify([ref.kind, ref.id]));
      return entity === undefined ? null : { data: structuredClone(entity.data), seq: entity.seq };
    });
  }

  /** Listeners hear of a commit before it resolves, after anything committed before it. */
  private async published(changes: readonly Change[]): Promise<void> {
    if (changes.length > 0) await this.feed?.committed(changes);
  }

  private emit(changes: readonly Change[]): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(changes);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }
}
