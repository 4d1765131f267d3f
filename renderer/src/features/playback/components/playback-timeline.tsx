import { useRef, useState, type KeyboardEvent, type PointerEvent, type WheelEvent } from "react";
import { useTranslation } from "react-i18next";
import { formatCityTime } from "../../../../../shared/time.js";
import { drag, fractionOf, tickStepMs, timeAtX, zoom, type TimelineView } from "../model/timeline-view.js";
import type { Span } from "../model/wall-clock.js";
import { marksFromDrag, type Marks } from "../model/marked-range.js";

export interface TimelineMark {
  atMs: number;
  /** A bookmark's range ends here; null: a moment. */
  endMs: number | null;
  kind: "alarm" | "bookmark";
  label: string;
}

const DRAG_THRESHOLD_PX = 4;

/**
 * A camera's recordings along wall-clock time: recorded spans, gaps and alarm marks, the playhead.
 * Click to go to a time, drag to move, Shift-drag to mark a range, wheel to zoom (hours to seconds);
 * keys are the panel's.
 */
export function PlaybackTimeline({
  view,
  onView,
  recorded,
  gaps,
  marks,
  playheadMs,
  selection,
  onSelection,
  onSeek,
  onKey,
}: {
  view: TimelineView;
  onView(view: TimelineView): void;
  recorded: readonly Span[];
  gaps: readonly Span[];
  marks: readonly TimelineMark[];
  playheadMs: number;
  /** The range marked for an export or a bookmark. */
  selection: Marks;
  onSelection(marks: Marks): void;
  onSeek(wallMs: number): void;
  onKey(event: KeyboardEvent<HTMLDivElement>): void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement | null>(null);
  const [pointer, setPointer] = useState<{ x: number; view: TimelineView; moved: boolean; marking: boolean } | null>(null);
  const width = () => ref.current?.getBoundingClientRect().width ?? 0;
  const xOf = (event: { clientX: number }) => event.clientX - (ref.current?.getBoundingClientRect().left ?? 0);
  const pct = (ms: number) => `${(fractionOf(view, ms) * 100).toFixed(3)}%`;
  const band = (span: Span) => ({ left: pct(Math.max(span.startMs, view.startMs)), width: `${(Math.max(0, fractionOf(view, Math.min(span.endMs, view.startMs + view.spanMs)) - fractionOf(view, Math.max(span.startMs, view.startMs))) * 100).toFixed(3)}%` });
  const visible = (span: Span) => span.endMs > view.startMs && span.startMs < view.startMs + view.spanMs;

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    setPointer({ x: xOf(event), view, moved: false, marking: event.shiftKey });
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (pointer === null) return;
    const dx = xOf(event) - pointer.x;
    if (!pointer.moved && Math.abs(dx) < DRAG_THRESHOLD_PX) return;
    setPointer({ ...pointer, moved: true });
    if (pointer.marking) onSelection(marksFromDrag(timeAtX(view, pointer.x, width()), timeAtX(view, xOf(event), width())));
    else onView(drag(pointer.view, dx, width()));
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (pointer !== null && !pointer.moved) onSeek(timeAtX(view, xOf(event), width()));
    setPointer(null);
  };
  const onWheel = (event: WheelEvent<HTMLDivElement>) => onView(zoom(view, event.deltaY < 0 ? 0.8 : 1.25, timeAtX(view, xOf(event), width())));

  const step = tickStepMs(view.spanMs);
  const ticks: number[] = [];
  for (let ms = Math.ceil(view.startMs / step) * step; ms <= view.startMs + view.spanMs; ms += step) ticks.push(ms);

  return (
    <div
      ref={ref}
      className="playback-timeline"
      data-testid="playback-timeline"
      data-start-ms={view.startMs}
      data-span-ms={view.spanMs}
      role="slider"
      aria-label={t("playback.timeline")}
      aria-valuemin={view.startMs}
      aria-valuemax={view.startMs + view.spanMs}
      aria-valuenow={Math.round(playheadMs)}
      aria-valuetext={formatCityTime(new Date(playheadMs).toISOString())}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onWheel={onWheel}
      onKeyDown={onKey}
    >
      {recorded.filter(visible).map((span) => (
        <span key={`r${span.startMs}`} className="playback-timeline__recorded" style={band(span)} />
      ))}
      {gaps.filter(visible).map((span) => (
        <span key={`g${span.startMs}`} className="playback-timeline__gap" data-testid="playback-gap" style={band(span)} title={t("playback.gap")} />
      ))}
      {ticks.map((ms) => (
        <span key={ms} className="playback-timeline__tick" style={{ left: pct(ms) }}>
          {formatCityTime(new Date(ms).toISOString())}
        </span>
      ))}
      {marks
        .filter((m) => visible({ startMs: m.atMs, endMs: (m.endMs ?? m.atMs) + 1 }))
        .map((m) => (
          <span
            key={`${m.kind}${m.atMs}${m.label}`}
            className={`playback-timeline__mark playback-timeline__mark--${m.kind}${m.endMs === null ? "" : " playback-timeline__mark--range"}`}
            data-testid={`playback-${m.kind}-mark`}
            style={m.endMs === null ? { left: pct(m.atMs) } : band({ startMs: m.atMs, endMs: m.endMs })}
            title={m.label}
          />
        ))}
      {selection.inMs !== null && selection.outMs !== null && (
        <span className="playback-timeline__selection" data-testid="playback-selection" data-from-ms={selection.inMs} data-to-ms={selection.outMs} style={band({ startMs: selection.inMs, endMs: selection.outMs })} />
      )}
      {selection.inMs !== null && <span className="playback-timeline__mark-in" data-testid="playback-mark-in" style={{ left: pct(selection.inMs) }} />}
      {selection.outMs !== null && <span className="playback-timeline__mark-out" data-testid="playback-mark-out" style={{ left: pct(selection.outMs) }} />}
      <span className="playback-timeline__playhead" style={{ left: pct(playheadMs) }} />
    </div>
  );
}
