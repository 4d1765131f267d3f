/**
 * Where a recorded player is in wall-clock time. A VOD playlist of recordings dates every segment
 * (EXT-X-PROGRAM-DATE-TIME); the player lays them end to end on its media timeline, gaps closed
 * up, so the map between media seconds and wall-clock milliseconds goes segment by segment.
 */

export interface DatedFragment {
  /** Start on the player's media timeline, seconds. */
  startS: number;
  durationS: number;
  /** Wall-clock start, ms since the epoch. */
  dateMs: number;
}

export interface Span {
  startMs: number;
  endMs: number;
}

/** Wall-clock ms at media time `t`, or null outside every fragment. */
export function wallClockAt(fragments: readonly DatedFragment[], t: number): number | null {
  for (const f of fragments) {
    if (t >= f.startS && t < f.startS + f.durationS) return f.dateMs + (t - f.startS) * 1000;
  }
  const last = fragments[fragments.length - 1];
  // The very end of the last fragment still has a time.
  if (last !== undefined && Math.abs(t - (last.startS + last.durationS)) < 0.05) return last.dateMs + last.durationS * 1000;
  return null;
}

/**
 * Media time showing wall-clock `wallMs`: inside a fragment, the exact point; in a gap, the start
 * of the next recorded fragment (what was recorded next); past the end, null.
 */
export function mediaTimeAt(fragments: readonly DatedFragment[], wallMs: number): number | null {
  for (const f of fragments) {
    if (wallMs < f.dateMs) return f.startS;
    if (wallMs < f.dateMs + f.durationS * 1000) return f.startS + (wallMs - f.dateMs) / 1000;
  }
  return null;
}

/**
 * Where wall-clock `wallMs` falls on one camera's recording: on a recorded picture, in a gap (before
 * its first segment, or between two) with the next recorded picture's time, or after its last.
 */
export type RecordingPlace = { kind: "recorded" } | { kind: "gap"; nextMs: number } | { kind: "after-end" };

export function placeOnRecording(fragments: readonly DatedFragment[], wallMs: number): RecordingPlace {
  for (const f of fragments) {
    if (wallMs < f.dateMs) return { kind: "gap", nextMs: f.dateMs };
    if (wallMs < f.dateMs + f.durationS * 1000) return { kind: "recorded" };
  }
  return { kind: "after-end" };
}

/** Recorded spans (fragments that follow on merged) and the gaps between them, in wall-clock time. */
export function recordedSpans(fragments: readonly DatedFragment[]): { recorded: Span[]; gaps: Span[] } {
  const recorded: Span[] = [];
  const gaps: Span[] = [];
  for (const f of fragments) {
    const startMs = f.dateMs;
    const endMs = f.dateMs + f.durationS * 1000;
    const last = recorded[recorded.length - 1];
    if (last !== undefined && startMs - last.endMs <= Math.max(250, (f.durationS * 1000) / 2)) {
      last.endMs = Math.max(last.endMs, endMs);
    } else {
      if (last !== undefined) gaps.push({ startMs: last.endMs, endMs: startMs });
      recorded.push({ startMs, endMs });
    }
  }
  return { recorded, gaps };
}

/** How a tile follows the shared playback clock. */
export type SyncCorrection = { kind: "seek"; wallMs: number } | { kind: "rate"; rate: number } | { kind: "none" };

/** Further apart than this, a tile jumps to the clock; closer, it plays a little faster or slower. */
export const SYNC_SEEK_MS = 400;
const NUDGE = 0.1;
const DEAD_BAND_MS = 40;

/**
 * Synchronised playback: every tile follows one clock. A tile far off is sought to the clock's
 * time; one slightly off plays up to 10% faster or slower until it is back, so tiles converge
 * without visible jumps.
 */
export function syncCorrection(clockMs: number, tileMs: number | null, rate: number, currentRate: number): SyncCorrection {
  if (tileMs === null) return { kind: "seek", wallMs: clockMs };
  const ahead = tileMs - clockMs;
  if (Math.abs(ahead) > SYNC_SEEK_MS) return { kind: "seek", wallMs: clockMs };
  const wanted = Math.abs(ahead) <= DEAD_BAND_MS ? rate : rate * (ahead > 0 ? 1 - NUDGE : 1 + NUDGE);
  return wanted === currentRate ? { kind: "none" } : { kind: "rate", rate: wanted };
}

/** The playback clock: a wall-clock time that advances at `rate` while playing. */
export interface PlaybackClock {
  /** Wall-clock time shown at `anchorAt`. */
  wallMs: number;
  /** performance.now() when `wallMs` was shown. */
  anchorAt: number;
  rate: number;
  playing: boolean;
}

export function clockNow(clock: PlaybackClock, now: number): number {
  return clock.playing ? clock.wallMs + (now - clock.anchorAt) * clock.rate : clock.wallMs;
}

/** The clock re-anchored at `now` with changes (a seek, pause, play or a new speed): time never jumps by accident. */
export function updateClock(clock: PlaybackClock, now: number, change: Partial<Pick<PlaybackClock, "wallMs" | "rate" | "playing">>): PlaybackClock {
  return { wallMs: change.wallMs ?? clockNow(clock, now), anchorAt: now, rate: change.rate ?? clock.rate, playing: change.playing ?? clock.playing };
}

export const PLAYBACK_RATES = [0.5, 1, 2, 4, 8] as const;
