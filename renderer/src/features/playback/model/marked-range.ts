/**
 * The range an operator marks on the recordings (Milestone's "mark in / mark out"): a start and an
 * end set at the playhead with I and O, or both at once by Shift-dragging along the timeline. An
 * export or a bookmark then covers exactly it. Pure.
 */
export interface Marks {
  inMs: number | null;
  outMs: number | null;
}

export const NO_MARKS: Marks = { inMs: null, outMs: null };

/** A start at `atMs`; an end before it no longer makes a range and is let go. */
export function markIn(marks: Marks, atMs: number): Marks {
  const inMs = Math.round(atMs);
  return { inMs, outMs: marks.outMs !== null && marks.outMs > inMs ? marks.outMs : null };
}

/** An end at `atMs`; a start after it is let go. */
export function markOut(marks: Marks, atMs: number): Marks {
  const outMs = Math.round(atMs);
  return { inMs: marks.inMs !== null && marks.inMs < outMs ? marks.inMs : null, outMs };
}

/** Both ends from a drag, whichever way it went. */
export function marksFromDrag(aMs: number, bMs: number): Marks {
  return { inMs: Math.round(Math.min(aMs, bMs)), outMs: Math.round(Math.max(aMs, bMs)) };
}

export type MarkedRange = { kind: "range"; fromMs: number; toMs: number } | { kind: "incomplete" } | { kind: "too-long"; maxMs: number };

/** What the marks say an export may cover: a range no longer than `maxMs`, or why not. */
export function markedRange(marks: Marks, maxMs: number): MarkedRange {
  if (marks.inMs === null || marks.outMs === null || marks.outMs <= marks.inMs) return { kind: "incomplete" };
  if (marks.outMs - marks.inMs > maxMs) return { kind: "too-long", maxMs };
  return { kind: "range", fromMs: marks.inMs, toMs: marks.outMs };
}
