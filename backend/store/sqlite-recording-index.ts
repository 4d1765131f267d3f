import type Database from "better-sqlite3";
import type { RecordedGap, RecordedSegment, RecordingIndex, RecordingUsage } from "./recording-index.js";
import { MAX_SEGMENT_MS, toRecordedGap, toRecordedSegment, toRecordingUsage, toOldestStartMs } from "./recording-rows.js";

const COLUMNS = "camera_id, start_ms, duration_ms, bytes, variant";

/** SQLite side of RecordingIndex. */
export class SqliteRecordingIndex implements RecordingIndex {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      insertSegment: db.prepare("INSERT OR REPLACE INTO recording_segments (camera_id, start_ms, duration_ms, bytes, variant) VALUES (?, ?, ?, ?, ?)"),
      insertGap: db.prepare("INSERT OR REPLACE INTO recording_gaps (camera_id, start_ms, end_ms) VALUES (?, ?, ?)"),
      between: db.prepare(
        `SELECT ${COLUMNS} FROM recording_segments WHERE camera_id = ? AND start_ms >= ? AND start_ms < ? AND start_ms + duration_ms > ? ORDER BY start_ms LIMIT ?`,
      ),
      gapsBetween: db.prepare("SELECT camera_id, start_ms, end_ms FROM recording_gaps WHERE camera_id = ? AND start_ms < ? AND end_ms > ? ORDER BY start_ms LIMIT ?"),
      oldest: db.prepare(`SELECT ${COLUMNS} FROM recording_segments WHERE camera_id = ? ORDER BY start_ms LIMIT ?`),
      latest: db.prepare(`SELECT ${COLUMNS} FROM recording_segments WHERE camera_id = ? ORDER BY start_ms DESC LIMIT 1`),
      usage: db.prepare(
        "SELECT count(*) AS segments, sum(bytes) AS bytes, min(start_ms) AS oldest, max(start_ms + duration_ms) AS newest_end FROM recording_segments WHERE camera_id = ?",
      ),
      remove: db.prepare("DELETE FROM recording_segments WHERE camera_id = ? AND start_ms = ?"),
      oldestStart: db.prepare("SELECT min(start_ms) AS oldest FROM recording_segments WHERE camera_id = ?"),
      removeGapsBefore: db.prepare("DELETE FROM recording_gaps WHERE camera_id = ? AND end_ms <= ?"),
      removeAllGaps: db.prepare("DELETE FROM recording_gaps WHERE camera_id = ?"),
    };
  }

  async addSegment(segment: RecordedSegment, gapBefore: RecordedGap | null): Promise<void> {
    this.db.transaction(() => {
      if (gapBefore !== null) this.statements.insertGap.run(gapBefore.cameraId, gapBefore.startMs, gapBefore.endMs);
      this.statements.insertSegment.run(segment.cameraId, segment.startMs, segment.durationMs, segment.bytes, segment.variant);
    })();
  }

  async segmentsBetween(cameraId: string, fromMs: number, toMs: number, limit: number): Promise<RecordedSegment[]> {
    return this.statements.between.all(cameraId, fromMs - MAX_SEGMENT_MS, toMs, fromMs, limit).map(toRecordedSegment);
  }

  async gapsBetween(cameraId: string, fromMs: number, toMs: number, limit: number): Promise<RecordedGap[]> {
    return this.statements.gapsBetween.all(cameraId, toMs, fromMs, limit).map(toRecordedGap);
  }

  async oldestSegments(cameraId: string, limit: number): Promise<RecordedSegment[]> {
    return this.statements.oldest.all(cameraId, limit).map(toRecordedSegment);
  }

  async latestSegment(cameraId: string): Promise<RecordedSegment | null> {
    const row = this.statements.latest.get(cameraId);
    return row === undefined ? null : toRecordedSegment(row);
  }

  async usage(cameraId: string): Promise<RecordingUsage> {
    return toRecordingUsage(this.statements.usage.get(cameraId));
  }

  async removeSegments(cameraId: string, startMsList: readonly number[]): Promise<void> {
    this.db.transaction(() => {
      for (const startMs of startMsList) this.statements.remove.run(cameraId, startMs);
      const oldest = toOldestStartMs(this.statements.oldestStart.get(cameraId));
      if (oldest === null) this.statements.removeAllGaps.run(cameraId);
      else this.statements.removeGapsBefore.run(cameraId, oldest);
    })();
  }
}
