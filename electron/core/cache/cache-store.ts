import type Database from "better-sqlite3";
import { ENTITY_SCHEMAS, type EntityKind } from "../../../shared/protocol/backend.js";
import { CommandRequestSchema, type CommandRequest } from "../../../shared/commands/command.js";
import type { Target, TargetKind } from "../../../shared/commands/target.js";
import type { SyncProblem } from "../../../shared/protocol/console-api.js";
import { err, ok, type Result } from "../../../shared/result.js";
import { DomainSampleSchema, SERIES_DOMAINS, type DomainSample, type SeriesDomain } from "../../../shared/domain/domain-sample.js";
import { isStorageFull } from "../../../shared/storage-full.js";
import { SensorSchema } from "../../../shared/domain/sensor.js";
import { SENSOR_READINGS_KEPT_HOURS, type SensorReading } from "../../../shared/domain/sensor-reading.js";
import type { EncodedChange } from "../sync/decoded-page.js";
import type { EntityData, QuarantinedChange } from "../sync/validate-changes.js";

/** What of a sensor's record is its latest reading. */
const SensorReadingFields = SensorSchema.pick({ id: true, lastAt: true, lastValue: true });

export interface OutboxEntry {
  id: number;
  idempotencyKey: string;
  request: CommandRequest;
  createdAt: string;
  attempts: number;
  lastError: string | null;
}

interface OutboxRow {
  id: number;
  idempotency_key: string;
  request: string;
  created_at: string;
  attempts: number;
  last_error: string | null;
}

/**
 * The repositories over the console's SQLite cache. Entities hold what the backend confirmed;
 * pending operator actions live in the outbox and are laid over them when read (see overlay).
 */
export class CacheStore {
  private readonly stmts;
  private full = false;
  private readonly storageListeners = new Set<() => void>();

  constructor(readonly db: Database.Database) {
    this.stmts = {
      upsert: db.prepare("INSERT INTO entities (kind, id, data, seq) VALUES (?, ?, ?, ?) ON CONFLICT (kind, id) DO UPDATE SET data = excluded.data, seq = excluded.seq WHERE excluded.seq >= entities.seq"),
      remove: db.prepare("DELETE FROM entities WHERE kind = ? AND id = ?"),
      list: db.prepare("SELECT data FROM entities WHERE kind = ?").pluck(),
      get: db.prepare("SELECT data FROM entities WHERE kind = ? AND id = ?").pluck(),
      getState: db.prepare("SELECT value FROM sync_state WHERE key = ?").pluck(),
      setState: db.prepare("INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
      enqueue: db.prepare("INSERT INTO outbox (idempotency_key, target_kind, target_id, request, created_at, operator_id) VALUES (?, ?, ?, ?, ?, ?)"),
      pending: db.prepare("SELECT * FROM outbox ORDER BY id"),
      pendingFor: db.prepare("SELECT * FROM outbox WHERE target_kind = ? AND target_id = ? ORDER BY id"),
      pendingOn: db.prepare("SELECT * FROM outbox WHERE target_kind = ? ORDER BY id"),
      nextPendingOf: db.prepare("SELECT * FROM outbox WHERE operator_id = ? ORDER BY id LIMIT ?"),
      waitingByOperator: db.prepare("SELECT operator_id AS operatorId, count(*) AS count FROM outbox GROUP BY operator_id ORDER BY min(id)"),
      pendingCount: db.prepare("SELECT count(*) FROM outbox").pluck(),
      dequeue: db.prepare("DELETE FROM outbox WHERE idempotency_key = ?"),
      attempt: db.prepare("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE idempotency_key = ?"),
      pruneCleared: db.prepare(
        "DELETE FROM entities WHERE kind = 'alarm' AND json_extract(data, '$.state') = 'normal' AND json_extract(data, '$.updatedAt') < ? " +
          "AND id NOT IN (SELECT j.value FROM entities AS e, json_each(e.data, '$.alarmIds') AS j WHERE e.kind = 'incident') " +
          "AND id NOT IN (SELECT target_id FROM outbox WHERE target_kind = 'alarm')",
      ),
      domainSamples: db
        .prepare(
          "SELECT data FROM entities WHERE kind = 'domain_sample' AND json_extract(data, '$.domain') = ? " +
            "AND json_extract(data, '$.hour') >= ? AND json_extract(data, '$.hour') < ? ORDER BY json_extract(data, '$.hour') LIMIT ?",
        )
        .pluck(),
      pruneDomainSamples: db.prepare("DELETE FROM entities WHERE kind = 'domain_sample' AND json_extract(data, '$.domain') = ? AND json_extract(data, '$.hour') < ?"),
      addReading: db.prepare("INSERT OR IGNORE INTO sensor_readings (sensor_id, at, value) VALUES (?, ?, ?)"),
      readings: db.prepare("SELECT at, value FROM (SELECT at, value FROM sensor_readings WHERE sensor_id = ? AND at >= ? AND at < ? ORDER BY at DESC LIMIT ?) ORDER BY at"),
      pruneReadings: db.prepare("DELETE FROM sensor_readings WHERE at < ?"),
      addProblem: db.prepare("INSERT INTO sync_problems (at, source, message, raw) VALUES (?, ?, ?, ?)"),
      problems: db.prepare("SELECT id, at, source, message FROM sync_problems ORDER BY id DESC LIMIT ?"),
    };
  }

  /** Whether the last write found no room (a full disk or quota); cleared by the next write that succeeds. */
  get storageFull(): boolean {
    return this.full;
  }

  onStorageChange(listener: () => void): () => void {
    this.storageListeners.add(listener);
    return () => this.storageListeners.delete(listener);
  }

  /** Runs a write, noting whether the disk had room; anything but a full disk is rethrown as it was. */
  private writing<T>(write: () => T): T {
    try {
      const result = write();
      this.setFull(false);
      return result;
    } catch (e) {
      if (isStorageFull(e)) this.setFull(true);
      throw e;
    }
  }

  private setFull(full: boolean): void {
    if (full === this.full) return;
    this.full = full;
    for (const listener of this.storageListeners) listener();
  }

  /**
   * Queues operator actions, all or none, on disk before it returns: this commit alone is
   * synchronous FULL, because the operator is told at once that the action is kept. The cache's
   * other writes stay NORMAL: a power cut that takes them back is undone by pulling again from the
   * cursor, which rolls back with them. A full disk refuses the actions (nothing is half-queued).
   */
  enqueueCommands(requests: readonly CommandRequest[]): Result<void> {
    // SQLite will not change the safety level inside a transaction, and a commit of someone else's would not be this one.
    if (this.db.inTransaction) throw new Error("enqueueCommands commits by itself: call it outside a transaction.");
    this.db.pragma("synchronous = FULL");
    try {
      this.writing(() =>
        this.db.transaction(() => {
          for (const request of requests) {
            const { kind, id } = request.command.target;
            this.stmts.enqueue.run(request.idempotencyKey, kind, id, JSON.stringify(request), request.at, request.operatorId);
          }
        })(),
      );
      return ok(undefined);
    } catch (e) {
      if (!isStorageFull(e)) throw e;
      return err("storage_full", "This console's disk is full: the action was not taken. Free some space on this computer; the console keeps showing what it has and takes actions again by itself.");
    } finally {
      this.db.pragma("synchronous = NORMAL");
    }
  }

  /**
   * Forgets alarms that cleared (state normal) before `beforeIso`, except those an incident names or
   * an action still waits on: the backend keeps them, and a later change brings one back. Returns
   * how many went.
   */
  pruneClearedAlarms(beforeIso: string): number {
    return this.writing(() => this.stmts.pruneCleared.run(beforeIso).changes);
  }

  /**
   * One domain's samples with hour in [fromIso, toIso), oldest first, at most `limit`. Hours are
   * ISO texts in UTC of one length, so they compare as text.
   */
  domainSamples(domain: SeriesDomain, fromIso: string, toIso: string, limit: number): DomainSample[] {
    const out: DomainSample[] = [];
    for (const raw of this.stmts.domainSamples.all(domain, fromIso, toIso, limit) as string[]) {
      const parsed = DomainSampleSchema.safeParse(JSON.parse(raw));
      if (parsed.success) out.push(parsed.data);
    }
    return out;
  }

  /** Forgets domain samples of hours before `beforeIso` (the cache keeps a bounded period); returns how many went. */
  pruneDomainSamples(beforeIso: string): number {
    return this.writing(() => this.db.transaction(() => SERIES_DOMAINS.reduce((n, domain) => n + this.stmts.pruneDomainSamples.run(domain, beforeIso).changes, 0))());
  }

  /**
   * One sensor's readings with time in [fromIso, toIso), oldest first: the newest `limit` of them
   * when there are more. Times are ISO texts in UTC of one length, so they compare as text.
   */
  sensorReadings(sensorId: string, fromIso: string, toIso: string, limit: number): SensorReading[] {
    return this.stmts.readings.all(sensorId, fromIso, toIso, limit) as SensorReading[];
  }

  /** Forgets readings taken before `beforeIso` (the cache keeps a day of them); returns how many went. */
  pruneSensorReadings(beforeIso: string): number {
    return this.writing(() => this.stmts.pruneReadings.run(beforeIso).changes);
  }

  /** A sensor's record carries its latest reading: each one the feed brings is kept, if recent enough to be. */
  private keepReading(dataJson: string, keptFrom: string): void {
    const parsed = SensorReadingFields.safeParse(JSON.parse(dataJson));
    if (!parsed.success) return;
    const { id, lastAt, lastValue } = parsed.data;
    if (lastAt !== null && lastValue !== null && lastAt >= keptFrom) this.stmts.addReading.run(id, lastAt, lastValue);
  }

  /** Applies a page of changes and moves the cursor in ONE transaction: never one without the other. */
  applyChanges(changes: readonly EncodedChange[], quarantined: readonly QuarantinedChange[], cursor: number, at: string): SyncProblem[] {
    const problems: SyncProblem[] = [];
    const readingsFrom = new Date(Date.parse(at) - SENSOR_READINGS_KEPT_HOURS * 3_600_000).toISOString();
    this.writing(() => this.db.transaction(() => {
      for (const c of changes) {
        if (c.op === "delete" || c.dataJson === null) this.stmts.remove.run(c.entity, c.id);
        else {
          this.stmts.upsert.run(c.entity, c.id, c.dataJson, c.seq);
          if (c.entity === "sensor") this.keepReading(c.dataJson, readingsFrom);
        }
      }
      for (const q of quarantined) problems.push(this.insertProblem("sync", q.message, q.raw, at));
      if (cursor > this.getCursor()) this.stmts.setState.run("cursor", String(cursor));
      this.stmts.setState.run("lastSyncAt", at);
    })());
    return problems;
  }

  list<K extends EntityKind>(kind: K): EntityData[K][] {
    const out: EntityData[K][] = [];
    for (const raw of this.stmts.list.all(kind) as string[]) {
      // The row was validated before it was written; re-parse defends against a hand-edited cache.
      const parsed = ENTITY_SCHEMAS[kind].safeParse(JSON.parse(raw));
      if (parsed.success) out.push(parsed.data as EntityData[K]);
    }
    return out;
  }

  get<K extends EntityKind>(kind: K, id: string): EntityData[K] | null {
    const raw = this.stmts.get.get(kind, id) as string | undefined;
    if (raw === undefined) return null;
    const parsed = ENTITY_SCHEMAS[kind].safeParse(JSON.parse(raw));
    return parsed.success ? (parsed.data as EntityData[K]) : null;
  }

  /** Writes one entity confirmed by the backend outside the change feed (an action's answer). */
  putConfirmed<K extends EntityKind>(kind: K, id: string, data: EntityData[K], seq: number): void {
    this.stmts.upsert.run(kind, id, JSON.stringify(data), seq);
  }

  getCursor(): number {
    const v = this.stmts.getState.get("cursor") as string | undefined;
    return v === undefined ? 0 : Number(v);
  }

  /**
   * This console's name in the backend's sessions and audit trail, made once per cache: two
   * consoles on one machine are two workstations, and a console keeps its name across restarts.
   */
  workstationId(make: () => string): string {
    const stored = this.stmts.getState.get("workstationId") as string | undefined;
    if (stored !== undefined) return stored;
    const made = make();
    this.stmts.setState.run("workstationId", made);
    return made;
  }

  /** A value this console keeps for itself (an operator's offline verifier), or null. */
  localValue(key: string): string | null {
    return (this.stmts.getState.get(`local:${key}`) as string | undefined) ?? null;
  }

  setLocalValue(key: string, value: string): void {
    this.stmts.setState.run(`local:${key}`, value);
  }

  getLastSyncAt(): string | null {
    return (this.stmts.getState.get("lastSyncAt") as string | undefined) ?? null;
  }

  pendingActions(): OutboxEntry[] {
    return (this.stmts.pending.all() as OutboxRow[]).map(toEntry);
  }

  /**
   * One operator's oldest queued actions, in order: what the outbox sends next in that operator's
   * session (without reading a long queue whole). Others' actions wait for their own sessions.
   */
  nextPendingOf(operatorId: string, limit: number): OutboxEntry[] {
    return (this.stmts.nextPendingOf.all(operatorId, limit) as OutboxRow[]).map(toEntry);
  }

  /** How many actions each operator has queued, oldest queue first. */
  waitingByOperator(): Array<{ operatorId: string; count: number }> {
    return this.stmts.waitingByOperator.all() as Array<{ operatorId: string; count: number }>;
  }

  /** The commands still waiting on one target, oldest first. */
  pendingFor(target: Target): OutboxEntry[] {
    return (this.stmts.pendingFor.all(target.kind, target.id) as OutboxRow[]).map(toEntry);
  }

  /** The commands still waiting on any target of one kind, oldest first. */
  pendingOn(kind: TargetKind): OutboxEntry[] {
    return (this.stmts.pendingOn.all(kind) as OutboxRow[]).map(toEntry);
  }

  pendingCount(): number {
    return this.stmts.pendingCount.get() as number;
  }

  removeAction(idempotencyKey: string): void {
    this.stmts.dequeue.run(idempotencyKey);
  }

  recordAttempt(idempotencyKey: string, error: string | null): void {
    this.stmts.attempt.run(error, idempotencyKey);
  }

  addProblem(source: string, message: string, raw: string | null, at = new Date().toISOString()): SyncProblem {
    return this.insertProblem(source, message, raw, at);
  }

  listProblems(limit = 200): SyncProblem[] {
    return this.stmts.problems.all(limit) as SyncProblem[];
  }

  private insertProblem(source: string, message: string, raw: string | null, at: string): SyncProblem {
    const info = this.stmts.addProblem.run(at, source, message, raw);
    return { id: Number(info.lastInsertRowid), at, source, message };
  }
}

function toEntry(row: OutboxRow): OutboxEntry {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    request: CommandRequestSchema.parse(JSON.parse(row.request)),
    createdAt: row.created_at,
    attempts: row.attempts,
    lastError: row.last_error,
  };
}
