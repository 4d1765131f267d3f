import type { AuditVerification, Change, EntityKind } from "../../shared/protocol/backend.js";
import type { RecordingIndex } from "./recording-index.js";
import type { CameraSecrets } from "./camera-secrets.js";
import type { SessionRecords } from "./session-records.js";
import type { WorkstationRecords } from "./workstation-records.js";

/**
 * The persistence boundary of the backend. Every method is async so that a PostgreSQL
 * store (network round trips) can implement the same interface later; the SQLite store
 * simply answers at once.
 */

/** One entity write; the store assigns it a sequence number in the same transaction. */
export type EntityWrite =
  | { entity: EntityKind; op: "upsert"; id: string; data: unknown }
  | { entity: EntityKind; op: "delete"; id: string };

export interface StoredEntity {
  data: unknown;
  /** Seq of the change that last wrote this entity. */
  seq: number;
}

/** Who did what to what, and how it ended: the operators' audit trail. */
export interface AuditEntry {
  /** Server time the backend handled it. */
  at: string;
  operatorId: string;
  action: string;
  targetKind: EntityKind | null;
  targetId: string | null;
  outcome: "applied" | "rejected";
  detail: Record<string, unknown>;
}

export interface StoredAuditEntry extends AuditEntry {
  id: number;
}

export interface EntityRef {
  kind: EntityKind;
  id: string;
}

/** What an idempotent piece of work decided, given the entities it asked to read. */
export interface IdempotentOutcome {
  writes: EntityWrite[];
  audit: AuditEntry[];
  /** Builds the response once the writes have their sequence numbers; it is stored as JSON and replayed. */
  respond(changes: readonly Change[]): unknown;
}

export interface IdempotentWork {
  /** Keys are the operator's own: another operator's same key is another piece of work. */
  operatorId: string;
  idempotencyKey: string;
  /** A hash of the request the key came with: the same key with another request is refused, not replayed. */
  requestHash: string;
  /** Server time, recorded with the key. */
  at: string;
  /** Read inside the transaction (a PostgreSQL store would lock them), in this order. */
  reads: EntityRef[];
  /** Must be pure and synchronous: it runs inside the transaction. */
  decide(entities: ReadonlyArray<StoredEntity | null>): IdempotentOutcome;
}

export interface IdempotentResult {
  /** True when the key had been seen before and nothing was applied. */
  replayed: boolean;
  response: unknown;
}

export type ChangeListener = (changes: readonly Change[]) => void;

/** A change as the store holds it: `dataJson` is the entity's JSON text (null for a delete). */
export interface StoredChange {
  seq: number;
  entity: EntityKind;
  op: "upsert" | "delete";
  id: string;
  at: string;
  dataJson: string | null;
}

export interface BackendStore extends WorkstationRecords {
  /** Operator sessions and passwords. */
  readonly sessions: SessionRecords;
  /** The recordings' segment index. */
  readonly recordings: RecordingIndex;
  /** Credentials of the cameras supervisors add; never entities, never in the change feed. */
  readonly cameraSecrets: CameraSecrets;
  headSeq(): Promise<number>;
  /**
   * Changes with seq > after, ordered by seq, at most `limit`, with their data as the JSON text
   * it was stored as: catch-up sends it on untouched instead of parsing and re-serialising it.
   */
  changesAfter(after: number, limit: number): Promise<StoredChange[]>;
  getEntity(kind: EntityKind, id: string): Promise<StoredEntity | null>;
  listEntities(kind: EntityKind): Promise<unknown[]>;
  countEntities(): Promise<number>;
  /** Writes entities and their changes (and audit entries) atomically; returns the committed changes. */
  commit(writes: readonly EntityWrite[], audit?: readonly AuditEntry[]): Promise<Change[]>;
  /**
   * Read-decide-write in one transaction, so nothing commits between the read and the write
   * (a simulator update must not overwrite an operator's acknowledgement it did not see).
   */
  transact(reads: readonly EntityRef[], decide: (entities: ReadonlyArray<StoredEntity | null>) => EntityWrite[]): Promise<Change[]>;
  /** As transact, with audit entries decided in the same transaction (the system acting by itself, e.g. a shelf expiring). */
  transactAudited(
    reads: readonly EntityRef[],
    decide: (entities: ReadonlyArray<StoredEntity | null>) => { writes: EntityWrite[]; audit: AuditEntry[] },
  ): Promise<Change[]>;
  /** Runs `work` at most once per idempotency key; a replay returns the first response and applies nothing. */
  applyOnce(work: IdempotentWork): Promise<IdempotentResult>;
  auditLog(limit: number): Promise<StoredAuditEntry[]>;
  /** Walks the audit trail's hash chain: detects any edited, removed or truncated entry. */
  verifyAudit(): Promise<AuditVerification>;
  /** Called after each commit with the changes it made, in seq order. Returns the unsubscribe function. */
  onCommit(listener: ChangeListener): () => void;
  close(): Promise<void>;
}
