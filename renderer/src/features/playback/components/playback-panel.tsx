import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { assertNever } from "../../../../../shared/result.js";
import { formatCityDateTime } from "../../../../../shared/time.js";
import { useCamerasById } from "../../../hooks/use-cameras.js";
import { useLanguage } from "../../../hooks/use-language.js";
import { useLiveState } from "../../../store/store-context.js";
import { BookmarkForm } from "../../bookmarks/components/bookmark-form.js";
import { useOperator } from "../../../hooks/use-operator.js";
import { EvidenceExportForm } from "./evidence-export-form.js";
import { bookmarksInView } from "../../bookmarks/model/bookmark-search.js";
import { openPlayback, type PlaybackRequest } from "../hooks/use-playback-request.js";
import { timelineKeyAction, viewAround, zoom, type TimelineView } from "../model/timeline-view.js";
import { clockNow, placeOnRecording, PLAYBACK_RATES, recordedSpans, syncCorrection, updateClock, type DatedFragment, type PlaybackClock } from "../model/wall-clock.js";
import { PlaybackTimeline, type TimelineMark } from "./playback-timeline.js";
import { markedRange, markIn, markOut, NO_MARKS, type Marks } from "../model/marked-range.js";
import { LIMITS } from "../../../../../shared/limits.js";
import { RecordedTile, type TileHandle } from "./recorded-tile.js";

/** Recordings loaded around the asked-for time. */
const LOADED_BEFORE_MS = 5 * 60_000;
const LOADED_AFTER_MS = 5 * 60_000;
const SYNC_EVERY_MS = 200;
/** At most a 3x3 of recorded players: each one decodes on its own. */
const MAX_TILES = 9;

/**
 * Recorded video of one or more cameras, all following one clock (synchronised playback): play,
 * pause, step, 0.5–8×, a timeline with gaps and alarm marks. Opened at a time, e.g. an alarm's.
 */
export function PlaybackPanel({ request }: { request: PlaybackRequest }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const cameras = useCamerasById();
  const alarms = useLiveState((s) => s.alarms);
  const bookmarks = useLiveState((s) => s.bookmarks);
  const [marking, setMarking] = useState(false);
  const [exporting, setExporting] = useState(false);
  // Only supervisors may take video out as evidence (the backend says so too).
  const mayExport = useOperator()?.role === "supervisor";
  const [range] = useState(() => ({ fromMs: request.atMs - LOADED_BEFORE_MS, toMs: Math.min(Date.now(), request.atMs + LOADED_AFTER_MS) }));
  const tiles = useRef(new Map<string, TileHandle>());
  const clock = useRef<PlaybackClock>({ wallMs: request.atMs, anchorAt: performance.now(), rate: 1, playing: false });
  const [shownMs, setShownMs] = useState(request.atMs);
  const [playing, setPlaying] = useState(false);
  const [rate, setRate] = useState(1);
  const [view, setView] = useState<TimelineView>(() => viewAround(request.atMs, 2 * 60_000));
  const [fragments, setFragments] = useState<ReadonlyMap<string, readonly DatedFragment[]>>(new Map());
  const [positions, setPositions] = useState<ReadonlyMap<string, number>>(new Map());
  // Tiles with nothing recorded at the clock's time → when their next picture was recorded (null: none after).
  const [held, setHeld] = useState<ReadonlyMap<string, number | null>>(new Map());
  const [selection, setSelection] = useState<Marks>(NO_MARKS);

  const register = useCallback((cameraId: string, handle: TileHandle | null) => {
    if (handle === null) tiles.current.delete(cameraId);
    else tiles.current.set(cameraId, handle);
  }, []);
  const onFragments = useCallback((cameraId: string, loaded: readonly DatedFragment[]) => setFragments((m) => new Map(m).set(cameraId, loaded)), []);

  // One clock for every tile: each follows it by seeking when far off, by a slightly other speed when close.
  useEffect(() => {
    const timer = setInterval(() => {
      const now = performance.now();
      const target = clockNow(clock.current, now);
      const positionsNow = new Map<string, number>();
      const heldNow = new Map<string, number | null>();
      for (const [cameraId, { player, video }] of tiles.current) {
        if (player.state !== "ready") continue;
        const at = player.wallMs();
        const place = placeOnRecording(player.fragments, target);
        if (place.kind !== "recorded") {
          // The player closes gaps up: left playing, this tile would show later pictures than the
          // others. It holds the next recorded picture (or its last) until the clock gets there.
          if (!video.paused) video.pause();
          if (place.kind === "gap" && (at === null || Math.abs(at - place.nextMs) > 100)) player.seekToWall(place.nextMs);
          heldNow.set(cameraId, place.kind === "gap" ? place.nextMs : null);
        } else if (clock.current.playing) {
          const correction = syncCorrection(target, at, clock.current.rate, video.playbackRate);
          if (correction.kind === "seek") player.seekToWall(target);
          else if (correction.kind === "rate") video.playbackRate = correction.rate;
          if (video.paused) video.play().catch(() => undefined);
        } else {
          if (!video.paused) video.pause();
          if (at === null || Math.abs(at - target) > 100) player.seekToWall(target);
        }
        if (at !== null) positionsNow.set(cameraId, Math.round(at));
      }
      setPositions(positionsNow);
      setHeld(heldNow);
      setShownMs(target);
    }, SYNC_EVERY_MS);
    return () => clearInterval(timer);
  }, []);

  const seek = (wallMs: number) => {
    clock.current = updateClock(clock.current, performance.now(), { wallMs });
    for (const { player } of tiles.current.values()) player.seekToWall(wallMs);
    setShownMs(wallMs);
  };
  const setPlay = (play: boolean) => {
    clock.current = updateClock(clock.current, performance.now(), { playing: play });
    setPlaying(play);
  };
  const changeRate = (next: number) => {
    clock.current = updateClock(clock.current, performance.now(), { rate: next });
    for (const { video } of tiles.current.values()) video.playbackRate = next;
    setRate(next);
  };
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const action = timelineKeyAction(event.key, event.shiftKey);
    switch (action.kind) {
      case "none":
        if (event.key === "Escape") openPlayback(null);
        return;
      case "toggle-play":
        setPlay(!clock.current.playing);
        break;
      case "step":
        seek(clockNow(clock.current, performance.now()) + action.ms);
        break;
      case "zoom":
        setView((v) => zoom(v, action.factor, clockNow(clock.current, performance.now())));
        break;
      case "pan":
        setView((v) => ({ startMs: Math.round(v.startMs + action.fraction * v.spanMs), spanMs: v.spanMs }));
        break;
      case "mark-in":
        setSelection((m) => markIn(m, clockNow(clock.current, performance.now())));
        break;
      case "mark-out":
        setSelection((m) => markOut(m, clockNow(clock.current, performance.now())));
        break;
      default:
        return assertNever(action);
    }
    event.preventDefault();
  };

  // The timeline shows the first camera's recordings: recorded spans, gaps, and alarms of the shown cameras.
  const first = request.cameraIds[0];
  const spans = useMemo(() => recordedSpans(first === undefined ? [] : (fragments.get(first) ?? [])), [first, fragments]);
  const marks: TimelineMark[] = useMemo(
    () =>
      [...alarms.values()]
        .filter((a) => a.id === request.alarmId || (a.cameraId !== null && request.cameraIds.includes(a.cameraId)))
        .map((a): TimelineMark => ({ atMs: Date.parse(a.raisedAt), endMs: null, kind: "alarm", label: t(`alarmTypes.${a.type}`, { defaultValue: a.type }) }))
        .concat(
          bookmarksInView(bookmarks.values(), request.cameraIds, range.fromMs, range.toMs).map((b) => ({
            atMs: Date.parse(b.startAt),
            endMs: b.endAt === null ? null : Date.parse(b.endAt),
            kind: "bookmark",
            label: `${b.note} (${b.createdByName})`,
          })),
        ),
    [alarms, bookmarks, range, request, t],
  );
  const shown = request.cameraIds.slice(0, MAX_TILES).flatMap((id) => {
    const camera = cameras.get(id);
    return camera === undefined ? [] : [camera];
  });

  return (
    <section className="overlay-panel playback-panel" data-testid="playback-panel" role="dialog" aria-label={t("playback.title")} data-clock-ms={Math.round(shownMs)} data-playing={playing ? "true" : "false"}>
      <header className="playback-panel__header">
        <h2 className="playback-panel__title">{t("playback.title")}</h2>
        <span className="playback-panel__clock tabular" data-testid="playback-clock">
          {formatCityDateTime(new Date(shownMs).toISOString(), locale)}
        </span>
        <button type="button" className="playback-panel__close" onClick={() => openPlayback(null)} data-testid="playback-close">
          {t("playback.close")}
        </button>
      </header>
      <div className={`playback-panel__tiles playback-panel__tiles--${Math.min(shown.length, 9)}`}>
        {shown.map((camera) => (
          <RecordedTile key={camera.id} camera={camera} fromMs={range.fromMs} toMs={range.toMs} wallMs={positions.get(camera.id) ?? null} held={held.get(camera.id)} register={register} onFragments={onFragments} />
        ))}
      </div>
      <div className="playback-panel__controls">
        <button type="button" onClick={() => seek(clockNow(clock.current, performance.now()) - 1000)} data-testid="playback-step-back" aria-label={t("playback.stepBack")}>
          ◀︎1s
        </button>
        <button type="button" onClick={() => setPlay(!playing)} data-testid="playback-play">
          {playing ? t("playback.pause") : t("playback.play")}
        </button>
        <button type="button" onClick={() => seek(clockNow(clock.current, performance.now()) + 1000)} data-testid="playback-step-forward" aria-label={t("playback.stepForward")}>
          1s▶︎
        </button>
        <label className="playback-panel__rate">
          {t("playback.speed")}
          <select value={rate} onChange={(event) => changeRate(Number(event.currentTarget.value))} data-testid="playback-rate">
            {PLAYBACK_RATES.map((r) => (
              <option key={r} value={r}>
                {r}×
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setMarking((m) => !m)} aria-pressed={marking} data-testid="playback-bookmark">
          {t("bookmarks.add")}
        </button>
        <button type="button" onClick={() => setSelection((m) => markIn(m, clockNow(clock.current, performance.now())))} data-testid="playback-mark-in-button" title={t("playback.markInKey")}>
          {t("playback.markIn")}
        </button>
        <button type="button" onClick={() => setSelection((m) => markOut(m, clockNow(clock.current, performance.now())))} data-testid="playback-mark-out-button" title={t("playback.markOutKey")}>
          {t("playback.markOut")}
        </button>
        {(selection.inMs !== null || selection.outMs !== null) && (
          <button type="button" className="btn--ghost" onClick={() => setSelection(NO_MARKS)} data-testid="playback-clear-marks">
            {t("playback.clearMarks")}
          </button>
        )}
        {mayExport && (
          <button type="button" onClick={() => setExporting((e) => !e)} aria-pressed={exporting} data-testid="playback-export">
            {t("evidence.export")}
          </button>
        )}
        {request.alarmId !== null && (
          <button type="button" onClick={() => seek(request.atMs)} data-testid="playback-to-alarm">
            {t("playback.toAlarm")}
          </button>
        )}
      </div>
      {exporting && <EvidenceExportForm cameraIds={shown.map((c) => c.id)} atMs={() => clockNow(clock.current, performance.now())} marked={markedRange(selection, LIMITS.exportRangeMs)} onClose={() => setExporting(false)} />}
      {marking && <BookmarkForm cameras={shown} atMs={() => clockNow(clock.current, performance.now())} marked={markedRange(selection, LIMITS.bookmarkRangeMs)} onDone={() => setMarking(false)} />}
      <PlaybackTimeline view={view} onView={setView} recorded={spans.recorded} gaps={spans.gaps} marks={marks} playheadMs={shownMs} selection={selection} onSelection={setSelection} onSeek={seek} onKey={onKey} />
    </section>
  );
}
