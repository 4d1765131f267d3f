/**
 * Catching up with live by playing faster, with hysteresis: a tile more than `above` seconds
 * behind plays at `rate` until it is back under `settleBelow`, then at normal speed. hls.js's own
 * catch-up retuned the rate several times a second (1.05, 1.10, 1.00...) from a latency estimate
 * that swings with each playlist refresh, and every change cost the video renderer frames. Here
 * the rate changes a couple of times per catch-up, from the program date time of the frame on
 * screen.
 *
 * Playing faster means decoding more frames per second. A wall at the limit of its PC (a 3x3 of
 * 360p streams on a CPU-rendered page) dropped 5% of its frames while catching up against 0.7%
 * at normal speed: when a tile is already dropping frames it stays at normal speed, smooth and a
 * few tenths of a second further behind, and catches up once there is room.
 *
 * Why 1.8 s: a tile starts liveSyncDuration (1 s) behind a live edge that is itself up to one
 * segment (1 s) old, so it settles anywhere from about 1 to 2 s behind and stays there. With the
 * threshold at 2 s, tiles that happened to start near 2 s would never catch up, and an operator is
 * promised under 2 s. Settling at 1.6 s
 * still leaves half a second of buffer at worst, so a slow link does not start to stall.
 */
export const LIVE_CATCH_UP = { above: 1.8, settleBelow: 1.6, rate: 1.15, maxDroppedShare: 0.01 } as const;

export interface CatchUpInput {
  /** Seconds behind live of the frame on screen, if known. */
  latencySeconds: number | null;
  currentRate: number;
  /** Share of frames the tile dropped over the last few seconds (0..1). */
  droppedShare: number;
}

/** The playback rate a live tile should have now. Pure. */
export function catchUpRate({ latencySeconds, currentRate, droppedShare }: CatchUpInput): number {
  if (latencySeconds === null || !Number.isFinite(latencySeconds)) return 1;
  if (droppedShare > LIVE_CATCH_UP.maxDroppedShare) return 1;
  if (currentRate > 1) return latencySeconds <= LIVE_CATCH_UP.settleBelow ? 1 : currentRate;
  return latencySeconds > LIVE_CATCH_UP.above ? LIVE_CATCH_UP.rate : 1;
}

/** Frames shown and dropped over a sliding window of per-second samples. */
export class DroppedFrames {
  private readonly samples: Array<{ dropped: number; total: number }> = [];
  private last: { dropped: number; total: number } | null = null;

  constructor(private readonly windowSeconds = 4) {}

  /** Takes the video's cumulative counters (getVideoPlaybackQuality) once a second. */
  sample(dropped: number, total: number): void {
    if (this.last !== null && total >= this.last.total && dropped >= this.last.dropped) {
      this.samples.push({ dropped: dropped - this.last.dropped, total: total - this.last.total });
      if (this.samples.length > this.windowSeconds) this.samples.shift();
    }
    this.last = { dropped, total };
  }

  share(): number {
    let dropped = 0;
    let total = 0;
    for (const s of this.samples) {
      dropped += s.dropped;
      total += s.total;
    }
    return total === 0 ? 0 : dropped / total;
  }
}
