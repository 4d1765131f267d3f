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
  StoredChange,
  StoredEntity,
} from "./backend-store.js";
import { randomBytes } from "node:crypto";
import { auditEntryMac, auditHeadMac, GENESIS_HASH, verifyAuditChain, type AuditChainRow, type AuditHead } from "../audit/audit-chain.js";
import type { AuditVerification } from "../../shared/protocol/backend.js";
import { migrate, StoreVersionError } from "./migrate.js";
import { limitDatabaseSize, useWriteAheadLog } from "../../shared/sqlite/sqlite-setup.js";
import { MIGRATIONS } from "./migrations/index.js";
import type { Handover } from "../../shared/domain/handover.js";
import type { RecordingIndex } from "./recording-index.js";
import { SqliteRecordingIndex } from "./sqlite-recording-index.js";
import { SqliteCredentialRows } from "./sqlite-camera-secrets.js";
import { SealedCameraSecrets } from "./sealed-camera-secrets.js";
import type { CameraSecrets } from "./camera-secrets.js";
import { SqliteWorkstationRecords } from "./sqlite-workstation-records.js";
import type { WorkstationRecords } from "./workstation-records.js";
import type { SessionRecords } from "./session-records.js";
import { SqliteSessionRecords } from "./sqlite-session-records.js";
import { asciiJson } from "../../shared/protocol/ascii-json.js";
import { AuditKeyMismatchError } from "../audit/audit-key-mismatch.js";

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
const ResponseRowSchema = z.object({ request_hash: z.string(), response: z.string() });
const AuditHeadRowSchema = z.object({ last_id: z.number().int(), hash: z.string(), mac: z.string().nullable() });
const AuditChainRowSchema = z.object({
  id: z.number().int(),
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
  /**
   * The audit trail's HMAC key (see backend/audit/audit-key.ts); a store in memory may go without
   * (it gets a key of its own that dies with it), a file never does.
   */
  auditKey?: Buffer;
  /** Open to read and verify only (the audit verifier): no migration, no write, no WAL files. */
  readonly?: boolean;
  /** Where a throwing commit listener is reported; the commit itself has already succeeded. */
  onListenerError?: (error: unknown) => void;
  /**
   * Most bytes the store may grow to; writes past it fail as a full disk would (storage_full),
   * so the store never takes the room the camera segments and the OS need. None: the disk's size.
   */
  quotaBytes?: number;
  /**
   * "full" (the default and what the backend runs): each commit on disk before it returns.
   * "normal" exists only to measure what that costs (bench/durability.bench.ts): a power cut may
   * take back its last commits.
   */
  durability?: "full" | "normal";
}

function toStoredChange(row: unknown): StoredChange {
  const r = ChangeRowSchema.parse(row);
  return { seq: r.seq, entity: r.entity, op: r.op, id: r.id, at: r.at, dataJson: r.data };
}

/** Opens (creating and migrating as needed) the SQLite store. Throws StoreVersionError for a newer database. */
export function openSqliteStore(options: SqliteStoreOptions): BackendStore {
  const auditKey = options.auditKey ?? (options.filename === ":memory:" ? randomBytes(32) : null);
  if (auditKey === null) throw new Error(`The store ${options.filename} needs its audit key.`);
  if (options.readonly === true) return new SqliteStore(openReadonly(options.filename), () => undefined, auditKey);
  const db = new Database(options.filename);
  try {
    // FULL: every commit is on disk before it returns. Each one is reported to someone (an action's
    // answer, after which the console drops it from its outbox; a numbered change consoles may
    // already hold): a power cut that rolled one back would lose an answered action, or hand its
    // sequence number to another change that consoles past it would never see.
    useWriteAheadLog(db, options.durability === "normal" ? "NORMAL" : "FULL");
    db.pragma("busy_timeout = 5000");
    migrate(db, MIGRATIONS, { auditKey });
    checkAuditHead(db, auditKey);
    if (options.quotaBytes !== undefined) limitDatabaseSize(db, options.quotaBytes);
  } catch (error) {
    db.close();
    throw error;
  }
  return new SqliteStore(db, options.onListenerError ?? (() => undefined), auditKey);
}

export { AuditKeyMismatchError };

function checkAuditHead(db: Database.Database, auditKey: Buffer): void {
  const head = readAuditHead(db);
  if (head === null || head.mac !== auditHeadMac(auditKey, head.lastId, head.hash)) throw new AuditKeyMismatchError();
}

/** The verifier's view: read-only, of a store at the newest schema this backend knows. */
function openReadonly(filename: string): Database.Database {
  const db = new Database(filename, { readonly: true, fileMustExist: true });
  const version = Number(db.pragma("user_version", { simple: true }));
  if (version !== MIGRATIONS.length) {
    db.close();
    throw new StoreVersionError(version, MIGRATIONS.length);
  }
  return db;
}

/**
 * The audit columns both readings of a row share. Only the mapping is shared, not the schema: the chain
 * check takes rows as stored (any text, hashes maybe missing) to hash them, the audit log as domain types.
 */
interface AuditColumns<Kind, Outcome> {
  id: number;
  at: string;
  operator_id: string;
  action: string;
  target_kind: Kind;
  target_id: string | null;
  outcome: Outcome;
}

function fromAuditColumns<Kind, Outcome>(r: AuditColumns<Kind, Outcome>) {
  return { id: r.id, at: r.at, operatorId: r.operator_id, action: r.action, targetKind: r.target_kind, targetId: r.target_id, outcome: r.outcome };
}

function toChainRow(row: unknown): AuditChainRow {
  const r = AuditChainRowSchema.parse(row);
  return { ...fromAuditColumns(r), detail: r.detail, prevHash: r.prev_hash, hash: r.hash };
}

function toStoredAuditEntry(row: unknown): StoredAuditEntry {
  const r = AuditRowSchema.parse(row);
  return { ...fromAuditColumns(r), detail: z.record(z.string(), z.unknown()).parse(JSON.parse(r.detail)) };
}

function readAuditHead(db: Database.Database): AuditHead | null {
  const row = db.prepare("SELECT last_id, hash, mac FROM audit_head WHERE singleton = 1").get();
  if (row === undefined) return null;
  const r = AuditHeadRowSchema.parse(row);
  return { lastId: r.last_id, hash: r.hash, mac: r.mac };
}

class SqliteStore implements BackendStore {
  private readonly listeners = new Set<ChangeListener>();
  private readonly statements;

  constructor(
    private readonly db: Database.Database,
    private readonly onListenerError: (error: unknown) => void,
    private readonly auditKey: Buffer,
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
        "INSERT INTO audit_log (id, at, operator_id, action, target_kind, target_id, outcome, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      ),
      maxAuditId: db.prepare("SELECT COALESCE(MAX(id), 0) AS n FROM audit_log"),
      setAuditHead: db.prepare(
        "INSERT INTO audit_head (singleton, last_id, hash, mac) VALUES (1, ?, ?, ?) ON CONFLICT (singleton) DO UPDATE SET last_id = excluded.last_id, hash = excluded.hash, mac = excluded.mac",
      ),
      auditChain: db.prepare("SELECT * FROM audit_log ORDER BY id"),
      auditLog: db.prepare("SELECT * FROM audit_log ORDER BY id DESC LIMIT ?"),
      getApplied: db.prepare("SELECT request_hash, response FROM applied_actions_by_operator WHERE operator_id = ? AND idempotency_key = ?"),
      insertApplied: db.prepare("INSERT INTO applied_actions_by_operator (operator_id, idempotency_key, request_hash, response, at) VALUES (?, ?, ?, ?, ?)"),
    };
  }

  async headSeq(): Promise<number> {
    return CountRowSchema.parse(this.statements.head.get()).n;
  }

  async changesAfter(after: number, limit: number): Promise<StoredChange[]> {
    return this.statements.changesAfter.all(after, limit).map(toStoredChange);
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

  async transactAudited(
    reads: readonly EntityRef[],
    decide: (entities: ReadonlyArray<StoredEntity | null>) => { writes: EntityWrite[]; audit: AuditEntry[] },
  ): Promise<Change[]> {
    const changes = this.db.transaction(() => {
      const decision = decide(reads.map((ref) => this.readEntity(ref.kind, ref.id)));
      this.writeAudit(decision.audit);
      return this.writeEntities(decision.writes);
    })();
    this.emit(changes);
    return changes;
  }

  async applyOnce(work: IdempotentWork): Promise<IdempotentResult> {
    const outcome = this.db.transaction((): IdempotentResult & { changes: Change[] } => {
      // The operator's own key first; a key answered before keys were per operator, for anyone.
      const previous = this.statements.getApplied.get(work.operatorId, work.idempotencyKey) ?? this.statements.getApplied.get("", work.idempotencyKey);
      if (previous !== undefined) {
        const row = ResponseRowSchema.parse(previous);
        if (row.request_hash !== "" && row.request_hash !== work.requestHash) {
          const refusal = { ok: false, error: { kind: "conflict", message: `Idempotency key ${work.idempotencyKey} was already used for another request: nothing was applied.` } };
          return { replayed: true, response: refusal, changes: [] };
        }
        return { replayed: true, response: JSON.parse(row.response), changes: [] };
      }
      const entities = work.reads.map((ref) => this.readEntity(ref.kind, ref.id));
      const decision = work.decide(entities);
      this.writeAudit(decision.audit);
      const changes = this.writeEntities(decision.writes);
      const response = decision.respond(changes);
      this.statements.insertApplied.run(work.operatorId, work.idempotencyKey, work.requestHash, JSON.stringify(response), work.at);
      return { replayed: false, response, changes };
    })();
    this.emit(outcome.changes);
    return { replayed: outcome.replayed, response: outcome.response };
  }

  async auditLog(limit: number): Promise<StoredAuditEntry[]> {
    return this.statements.auditLog.all(limit).map(toStoredAuditEntry);
  }

  async verifyAudit(): Promise<AuditVerification> {
    return this.db.transaction(() => verifyAuditChain(this.statements.auditChain.all().map(toChainRow), readAuditHead(this.db), this.auditKey))();
  }

  private sessionRecords: SqliteSessionRecords | null = null;
  get sessions(): SessionRecords {
    return (this.sessionRecords ??= new SqliteSessionRecords(this.db, (entries) => this.writeAudit(entries)));
  }

  private recordingIndex: SqliteRecordingIndex | null = null;
  get recordings(): RecordingIndex {
    return (this.recordingIndex ??= new SqliteRecordingIndex(this.db));
  }

  private secrets: CameraSecrets | null = null;
  get cameraSecrets(): CameraSecrets {
    return (this.secrets ??= new SealedCameraSecrets(new SqliteCredentialRows(this.db), this.auditKey));
  }

  // Shift handovers: kept in their own module, audited through writeAudit.
  private workstationRecords: SqliteWorkstationRecords | null = null;
  private get records(): SqliteWorkstationRecords {
    return (this.workstationRecords ??= new SqliteWorkstationRecords(this.db, (entries) => this.writeAudit(entries)));
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
      // ASCII JSON (see ascii-json.ts): catch-up pages are spliced from this text.
      const json = write.op === "upsert" ? asciiJson(write.data) : null;
      const seq = Number(this.statements.insertChange.run(write.entity, write.op, write.id, at, json).lastInsertRowid);
      if (json === null) this.statements.deleteEntity.run(write.entity, write.id);
      else this.statements.upsertEntity.run(write.entity, write.id, json, seq);
      // Hand out a copy parsed back from JSON, exactly what a reader of the changes table gets.
      return { seq, entity: write.entity, op: write.op, id: write.id, at, data: json === null ? null : JSON.parse(json) };
    });
  }

  /** Must run inside a transaction: each entry is chained to the head, and the head moves with it. */
  private writeAudit(entries: readonly AuditEntry[]): void {
    if (entries.length === 0) return;
    const head = readAuditHead(this.db);
    let previous = head?.hash ?? GENESIS_HASH;
    // Ids are assigned here, not by SQLite, because the hash covers the id.
    let id = Math.max(head?.lastId ?? 0, CountRowSchema.parse(this.statements.maxAuditId.get()).n);
    for (const e of entries) {
      id += 1;
      const row = { id, at: e.at, operatorId: e.operatorId, action: e.action, targetKind: e.targetKind, targetId: e.targetId, outcome: e.outcome, detail: JSON.stringify(e.detail) };
      const mac = auditEntryMac(this.auditKey, previous, row);
      this.statements.insertAudit.run(id, row.at, row.operatorId, row.action, row.targetKind, row.targetId, row.outcome, row.detail, previous, mac);
      previous = mac;
    }
    this.statements.setAuditHead.run(id, previous, auditHeadMac(this.auditKey, id, previous));
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
