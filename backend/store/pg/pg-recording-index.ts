import type { Pool } from "pg";
import type { RecordedGap, RecordedSegment, RecordingIndex, RecordingUsage } from "../recording-index.js";
import { withTransaction } from "./pg-transaction.js";
import { MAX_SEGMENT_MS, toRecordedGap, toRecordedSegment, toRecordingUsage, toOldestStartMs } from "../recording-rows.js";

const COLUMNS = "camera_id, start_ms, duration_ms, bytes, variant";

/** PostgreSQL side of RecordingIndex. Not audited and not in the change log: no log lock needed. */
export class PgRecordingIndex implements RecordingIndex {
  constructor(private readonly pool: Pool) {}

  async addSegment(segment: RecordedSegment, gapBefore: RecordedGap | null): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      if (gapBefore !== null) {
        await client.query(
          "INSERT INTO recording_gaps (camera_id, start_ms, end_ms) VALUES ($1, $2, $3) ON CONFLICT (camera_id, start_ms) DO UPDATE SET end_ms = EXCLUDED.end_ms",
          [gapBefore.cameraId, gapBefore.startMs, gapBefore.endMs],
        );
      }
      await client.query(
        `INSERT INTO recording_segments (${COLUMNS}) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (camera_id, start_ms) DO UPDATE SET duration_ms = EXCLUDED.duration_ms, bytes = EXCLUDED.bytes, variant = EXCLUDED.variant`,
        [segment.cameraId, segment.startMs, segment.durationMs, segment.bytes, segment.variant],
      );
    });
  }

  async segmentsBetween(cameraId: string, fromMs: number, toMs: number, limit: number): Promise<RecordedSegment[]> {
    const { rows } = await this.pool.query(
      `SELECT ${COLUMNS} FROM recording_segments WHERE camera_id = $1 AND start_ms >= $2 AND start_ms < $3 AND start_ms + duration_ms > $4 ORDER BY start_ms LIMIT $5`,
      [cameraId, fromMs - MAX_SEGMENT_MS, toMs, fromMs, limit],
    );
    return rows.map(toRecordedSegment);
  }

  async gapsBetween(cameraId: string, fromMs: number, toMs: number, limit: number): Promise<RecordedGap[]> {
    const { rows } = await this.pool.query("SELECT camera_id, start_ms, end_ms FROM recording_gaps WHERE camera_id = $1 AND start_ms < $2 AND end_ms > $3 ORDER BY start_ms LIMIT $4", [
      cameraId,
      toMs,
      fromMs,
      limit,
    ]);
    return rows.map(toRecordedGap);
  }

  async oldestSegments(cameraId: string, limit: number): Promise<RecordedSegment[]> {
    const { rows } = await this.pool.query(`SELECT ${COLUMNS} FROM recording_segments WHERE camera_id = $1 ORDER BY start_ms LIMIT $2`, [cameraId, limit]);
    return rows.map(toRecordedSegment);
  }

  async latestSegment(cameraId: string): Promise<RecordedSegment | null> {
    const { rows } = await this.pool.query(`SELECT ${COLUMNS} FROM recording_segments WHERE camera_id = $1 ORDER BY start_ms DESC LIMIT 1`, [cameraId]);
    return rows[0] === undefined ? null : toRecordedSegment(rows[0]);
  }

  async usage(cameraId: string): Promise<RecordingUsage> {
    const { rows } = await this.pool.query(
      "SELECT count(*) AS segments, sum(bytes) AS bytes, min(start_ms) AS oldest, max(start_ms + duration_ms) AS newest_end FROM recording_segments WHERE camera_id = $1",
      [cameraId],
    );
    return toRecordingUsage(rows[0]);
  }

  async removeSegments(cameraId: string, startMsList: readonly number[]): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      await client.query("DELETE FROM recording_segments WHERE camera_id = $1 AND start_ms = ANY($2::bigint[])", [cameraId, startMsList.map(String)]);
      const { rows } = await client.query("SELECT min(start_ms) AS oldest FROM recording_segments WHERE camera_id = $1", [cameraId]);
      const oldest = toOldestStartMs(rows[0]);
      if (oldest === null) await client.query("DELETE FROM recording_gaps WHERE camera_id = $1", [cameraId]);
      else await client.query("DELETE FROM recording_gaps WHERE camera_id = $1 AND end_ms <= $2", [cameraId, oldest]);
    });
  }
}
