/**
 * The visible window of a playback timeline: zoomed from hours down to seconds, dragged, and
 * driven by the keyboard. Pure: pointer and key handlers turn events into these steps.
 */

export interface TimelineView {
  startMs: number;
  spanMs: number;
}

export const MIN_SPAN_MS = 10_000;
export const MAX_SPAN_MS = 4 * 60 * 60_000;

function clampSpan(spanMs: number): number {
  return Math.min(MAX_SPAN_MS, Math.max(MIN_SPAN_MS, spanMs));
}

/** A window of `spanMs` centred on `centerMs`. */
export function viewAround(centerMs: number, spanMs: number): TimelineView {
  const span = clampSpan(spanMs);
  return { startMs: Math.round(centerMs - span / 2), spanMs: span };
}

/** Zoom by `factor` (<1 in, >1 out) keeping `anchorMs` where it is on screen. */
export function zoom(view: TimelineView, factor: number, anchorMs: number): TimelineView {
  const span = clampSpan(view.spanMs * factor);
  const fraction = (anchorMs - view.startMs) / view.spanMs;
  return { startMs: Math.round(anchorMs - fraction * span), spanMs: span };
}

/** Dragged by `dx` of `width` pixels: the time under the pointer follows it. */
export function drag(view: TimelineView, dx: number, width: number): TimelineView {
  if (width <= 0) return view;
  return { startMs: Math.round(view.startMs - (dx / width) * view.spanMs), spanMs: view.spanMs };
}

/** Wall-clock time at pixel x of a timeline `width` pixels wide. */
export function timeAtX(view: TimelineView, x: number, width: number): number {
  return view.startMs + (width <= 0 ? 0 : (x / width) * view.spanMs);
}

/** Where a time falls, as a fraction of the width (may be outside 0..1). */
export function fractionOf(view: TimelineView, ms: number): number {
  return (ms - view.startMs) / view.spanMs;
}

export type TimelineKeyAction =
  | { kind: "toggle-play" }
  | { kind: "step"; ms: number }
  | { kind: "zoom"; factor: number }
  | { kind: "pan"; fraction: number }
  | { kind: "mark-in" }
  | { kind: "mark-out" }
  | { kind: "none" };

/** Space plays/pauses; arrows step a second (Shift: ten); +/- zoom; PageUp/PageDown pan half a window; I and O mark a range's start and end. */
export function timelineKeyAction(key: string, shift: boolean): TimelineKeyAction {
  switch (key) {
    case " ":
      return { kind: "toggle-play" };
    case "ArrowLeft":
      return { kind: "step", ms: shift ? -10_000 : -1000 };
    case "ArrowRight":
      return { kind: "step", ms: shift ? 10_000 : 1000 };
    case "+":
    case "=":
      return { kind: "zoom", factor: 0.5 };
    case "-":
      return { kind: "zoom", factor: 2 };
    case "PageUp":
      return { kind: "pan", fraction: -0.5 };
    case "PageDown":
      return { kind: "pan", fraction: 0.5 };
    case "i":
    case "I":
      return { kind: "mark-in" };
    case "o":
    case "O":
      return { kind: "mark-out" };
    default:
      return { kind: "none" };
  }
}

/** Tick marks for a window: a step that gives about `count` labelled ticks. */
export function tickStepMs(spanMs: number, count = 8): number {
  const steps = [1000, 5000, 10_000, 30_000, 60_000, 5 * 60_000, 10 * 60_000, 30 * 60_000, 60 * 60_000];
  return steps.find((s) => spanMs / s <= count) ?? 60 * 60_000;
}
