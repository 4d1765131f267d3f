import { useVirtualizer, type Virtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { needsAttention } from "../../../../../shared/alarm-lifecycle.js";
import type { Alarm } from "../../../../../shared/domain/alarm.js";
import { assertNever } from "../../../../../shared/result.js";
import { Badge } from "../../../components/ui/badge.js";
import { Button } from "../../../components/ui/button.js";
import { Pane } from "../../../components/ui/pane.js";
import { useAcknowledge } from "../hooks/use-acknowledge.js";
import { useAlarmActions } from "../hooks/use-alarm-actions.js";
import { useAlarmRate } from "../hooks/use-alarm-rate.js";
import { useAlarmsById, useAlarmsSettled, useQueueAlarms } from "../hooks/use-alarms.js";
import { useAnnunciation } from "../hooks/use-annunciation.js";
import { useClock } from "../../../hooks/use-clock.js";
import { useLanguage } from "../../../hooks/use-language.js";
import { useHasSnapshot } from "../../status/hooks/use-sync-status.js";
import { useWardName } from "../../../hooks/use-wards.js";
import { selectAlarm, useSelectedAlarmId, useSelectedWardCode } from "../../../store/selection.js";
import { cityDay } from "../../../format/city-time.js";
import { AlarmDetails } from "./alarm-details.js";
import { EMPTY_FILTER, filterAlarms, isFiltering, toggled, type AlarmFilter } from "../model/alarm-filter.js";
import { AlarmFilters } from "./alarm-filters.js";
import { chatteringSources, groupBySource, sourceKey, type AlarmGroup } from "../model/alarm-groups.js";
import { AlarmRateMeter, FloodBanner } from "./alarm-rate-meter.js";
import { AlarmRow, alarmRowDomId } from "./alarm-row.js";
import { AlarmToasts } from "./alarm-toasts.js";
import { BulkConfirm } from "./bulk-confirm.js";
import { queueKeyAction } from "../model/queue-keys.js";
import { indexOfSelection, moveSelection } from "../model/queue-order.js";
import { RefusalMessage } from "./refusal-message.js";
import type { AppError } from "../../../../../shared/result.js";
import { useIncidentActions } from "../../incidents/hooks/use-incident-actions.js";
import { useIncidents } from "../../incidents/hooks/use-incidents.js";
import { CreateIncidentForm } from "../../incidents/components/create-incident-form.js";
import { IncidentsPanel } from "../../incidents/components/incidents-panel.js";

const ESTIMATED_ROW_HEIGHT = 96;

/**
 * Row heights from the ResizeObserver only. The default reads getBoundingClientRect when a row
 * mounts, forcing a layout per new row: in a flood (rows mounting every frame) that was the
 * queue's largest cost. A row not yet observed keeps its last known (or estimated) height.
 */
function sizeFromResizeObserver(element: Element, entry: ResizeObserverEntry | undefined, instance: Virtualizer<HTMLDivElement, Element>): number {
  const box = entry?.borderBoxSize[0];
  if (box !== undefined) return Math.round(box.blockSize);
  const index = instance.indexFromElement(element);
  return instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? ESTIMATED_ROW_HEIGHT;
}
let alarmsReadyMarked = false;

export function AlarmQueue() {
  const { t } = useTranslation();
  const active = useQueueAlarms();
  const byId = useAlarmsById();
  const hasSnapshot = useHasSnapshot();
  // "Ready" once the queue shows what the store holds (it follows a deferred copy of the alarms).
  const settled = useAlarmsSettled();
  const wardName = useWardName();
  const { locale } = useLanguage();
  const today = cityDay(useClock(60_000));
  const selectedId = useSelectedAlarmId();
  const wardCode = useSelectedWardCode();
  const { acknowledge, inFlight, refused, dismiss } = useAcknowledge();
  const actions = useAlarmActions();
  const rate = useAlarmRate();
  const annunciation = useAnnunciation();
  const [filter, setFilter] = useState<AlarmFilter>(EMPTY_FILTER);
  const [grouped, setGrouped] = useState(false);
  const [checked, setChecked] = useState<ReadonlySet<string>>(() => new Set());
  const [confirming, setConfirming] = useState<string[] | null>(null);
  const [bulkRefused, setBulkRefused] = useState<number>(0);
  // Incidents: made from the ticked alarms, shown in the details panel's place when asked for.
  const incidentActions = useIncidentActions();
  const openIncidents = useIncidents().filter((incident) => incident.status !== "closed").length;
  const [creatingIncident, setCreatingIncident] = useState<string[] | null>(null);
  const [showIncidents, setShowIncidents] = useState(false);
  const [incidentId, setIncidentId] = useState<string | null>(null);
  const [incidentError, setIncidentError] = useState<AppError | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const detailsRef = useRef<HTMLDivElement>(null);
  const lastSelectedIndex = useRef(-1);

  const fullFilter = useMemo(() => ({ ...filter, wardCode }), [filter, wardCode]);
  const describe = useCallback((alarm: Alarm) => `${t(`alarmTypes.${alarm.type}`, { defaultValue: alarm.type })} ${wardName(alarm.wardCode)}`, [t, wardName]);
  const filtered = useMemo(() => filterAlarms(active, fullFilter, describe), [active, fullFilter, describe]);
  // Grouping costs a pass over the whole queue: only when the officer asks for it (in a flood).
  const groups = useMemo(() => (grouped ? groupBySource(filtered) : []), [grouped, filtered]);
  const chatter = useMemo(() => chatteringSources(groups), [groups]);
  const groupOf = useMemo(() => new Map<string, AlarmGroup>(groups.map((g) => [g.alarms[0]!.id, g])), [groups]);
  const queue = useMemo(() => (grouped ? groups.map((g) => g.alarms[0]!) : filtered), [grouped, groups, filtered]);

  const selectedIndex = indexOfSelection(queue, selectedId, lastSelectedIndex.current);
  const unacknowledged = useMemo(() => active.filter((alarm) => needsAttention(alarm.state)).length, [active]);

  const virtualizer = useVirtualizer({
    count: queue.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    measureElement: sizeFromResizeObserver,
    // React batches the re-render with the rest of the frame instead of a synchronous one per change.
    useFlushSync: false,
    overscan: 6,
    getItemKey: (index) => queue[index]?.id ?? index,
  });

  // When the selected alarm leaves the queue, the selection stays at the same place in the list.
  useEffect(() => {
    // Only against a queue that shows what the store holds: a window just opened (or a flood in
    // progress) draws a deferred, older queue, and must not move or clear the workstation's selection.
    if (!hasSnapshot || !settled) return;
    const current = selectedIndex >= 0 ? queue[selectedIndex] : undefined;
    if (current !== undefined && current.id !== selectedId) selectAlarm(current.id);
    if (current === undefined && selectedId !== null && queue.length === 0) selectAlarm(null);
    lastSelectedIndex.current = selectedIndex;
  }, [queue, selectedId, selectedIndex, hasSnapshot, settled]);

  // Scrolled to when the selection moves to another alarm (keys, clicks, another window), not
  // when new alarms push the selected one down: in a flood that was a scroll (and a measuring
  // pass) every frame, and the list must not jump under an officer who is reading it.
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    if (selectedIndex < 0 || scrolledTo.current === selectedId) return;
    scrolledTo.current = selectedId;
    virtualizer.scrollToIndex(selectedIndex, { align: "auto" });
  }, [selectedId, selectedIndex, virtualizer]);

  useEffect(() => {
    if (hasSnapshot && !alarmsReadyMarked) {
      alarmsReadyMarked = true;
      performance.mark("ioc:alarms-ready");
    }
  }, [hasSnapshot]);

  const onSelect = useCallback((id: string) => {
    selectAlarm(id);
    scrollRef.current?.focus({ preventScroll: true });
  }, []);

  const onToggleCheck = useCallback((id: string) => setChecked((current) => toggled(current, id)), []);

  /** The alarms an acknowledgement of this row means: the whole group in the grouped view. */
  const rowTargets = useCallback(
    (alarm: Alarm): string[] => {
      const group = grouped ? groupOf.get(alarm.id) : undefined;
      return (group?.alarms ?? [alarm]).filter((a) => needsAttention(a.state)).map((a) => a.id);
    },
    [grouped, groupOf],
  );

  const requestAcknowledge = useCallback(
    (alarm: Alarm | undefined) => {
      const ticked = [...checked].filter((id) => {
        const a = byId.get(id);
        return a !== undefined && needsAttention(a.state);
      });
      if (ticked.length > 0) {
        setConfirming(ticked);
        return;
      }
      if (alarm === undefined) return;
      const targets = rowTargets(alarm);
      if (targets.length > 1) setConfirming(targets);
      else if (targets.length === 1) acknowledge(targets[0]!);
    },
    [acknowledge, byId, checked, rowTargets],
  );

  const confirmBulk = useCallback(async () => {
    const ids = confirming ?? [];
    setConfirming(null);
    setChecked(new Set());
    scrollRef.current?.focus({ preventScroll: true });
    const result = await actions.acknowledgeMany(ids);
    setBulkRefused(result.ok ? result.value.refused.length : ids.length);
  }, [actions, confirming]);

  const createIncident = useCallback(
    async (title: string | null, unit: string | null) => {
      const ids = creatingIncident ?? [];
      setCreatingIncident(null);
      const result = await incidentActions.create(ids, title, unit);
      if (!result.ok) {
        setIncidentError(result.error);
        return;
      }
      setChecked(new Set());
      setIncidentError(null);
      setIncidentId(result.value.id);
      setShowIncidents(true);
    },
    [creatingIncident, incidentActions],
  );

  const handleKey = useCallback(
    (event: KeyboardEvent | ReactKeyboardEvent): void => {
      if (confirming !== null) return;
      const action = queueKeyAction(event);
      if (action === null) return;
      // A focused button acts on Enter by itself; acting here too would send twice.
      if (action.kind === "acknowledge" && event.key !== "a" && event.key !== "A" && event.target instanceof HTMLButtonElement) return;
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLSelectElement) return;
      event.preventDefault();
      const alarm = selectedIndex >= 0 ? queue[selectedIndex] : undefined;
      switch (action.kind) {
        case "move":
        case "jump": {
          const next =
            action.kind === "move" ? moveSelection(selectedIndex, action.by, queue.length) : action.to === "first" ? 0 : queue.length - 1;
          const target = queue[next];
          if (target !== undefined) selectAlarm(target.id);
          return;
        }
        case "acknowledge":
          requestAcknowledge(alarm);
          return;
        case "toggle":
          if (alarm !== undefined) onToggleCheck(alarm.id);
          return;
        case "open":
          detailsRef.current?.querySelector<HTMLElement>("[data-testid=alarm-details]")?.focus();
          return;
        case "clear":
          setChecked(new Set());
          return;
        default:
          assertNever(action);
      }
    },
    [confirming, onToggleCheck, queue, requestAcknowledge, selectedIndex],
  );

  // With nothing focused (after a click on empty space), the queue still answers the keyboard.
  const handleKeyRef = useRef(handleKey);
  useEffect(() => {
    handleKeyRef.current = handleKey;
  }, [handleKey]);
  useEffect(() => {
    const onDocumentKey = (event: KeyboardEvent) => {
      const focused = document.activeElement;
      if (focused === null || focused === document.body || focused === document.documentElement) handleKeyRef.current(event);
    };
    document.addEventListener("keydown", onDocumentKey);
    return () => document.removeEventListener("keydown", onDocumentKey);
  }, []);

  const items = virtualizer.getVirtualItems();
  const renderedIds = new Set(items.map((item) => queue[item.index]?.id));
  const refusalOutsideView = refused !== null && !(refused.target.kind === "alarm" && renderedIds.has(refused.target.id));
  const selectedAlarm = selectedId !== null ? byId.get(selectedId) : undefined;
  const silenced = annunciation.silencedUntil > Date.now();

  return (
    <Pane
      testId="alarm-queue"
      title={t("panes.alarms")}
      className="queue"
      data-ready={hasSnapshot && settled ? "true" : "false"}
      data-last-tone={annunciation.lastTone ?? ""}
      toolbar={
        <>
          <Button
            size="small"
            data-testid="silence-button"
            data-silenced={silenced ? "true" : "false"}
            aria-pressed={silenced}
            onClick={silenced ? annunciation.unsilence : annunciation.silence}
          >
            {silenced ? `🔇 ${t("alarmQueue.silenced")}` : `🔔 ${t("alarmQueue.silence")}`}
          </Button>
          <Button size="small" data-testid="incidents-toggle" aria-pressed={showIncidents} onClick={() => setShowIncidents((shown) => !shown)}>
            {t("incidents.toggle", { count: openIncidents })}
          </Button>
          <AlarmRateMeter rate={rate} />
          <Badge data-testid="alarm-count" data-count={active.length}>{t("alarms.total", { count: active.length })}</Badge>
          {isFiltering(fullFilter) && <Badge data-testid="filtered-count">{t("alarmQueue.shown", { count: filtered.length })}</Badge>}
          {unacknowledged > 0 && (
            <Badge tone="alert" data-testid="unacked-count">
              {t("alarms.unacked", { count: unacknowledged })}
            </Badge>
          )}
        </>
      }
    >
      <FloodBanner rate={rate} />
      <AlarmFilters filter={fullFilter} onChange={(next) => setFilter({ ...next, wardCode: null })}>
        <Button size="small" data-testid="group-toggle" aria-pressed={grouped} onClick={() => setGrouped((g) => !g)}>
          {t("alarmQueue.groupBySource")}
        </Button>
      </AlarmFilters>
      {checked.size > 0 && (
        <div className="queue__bulk" data-testid="bulk-bar">
          <span>{t("alarmQueue.ticked", { count: checked.size })}</span>
          <Button size="small" variant="primary" data-testid="bulk-ack-button" onClick={() => requestAcknowledge(undefined)}>
            {t("alarmQueue.ackTicked", { count: checked.size })}
          </Button>
          <Button size="small" data-testid="create-incident-button" onClick={() => setCreatingIncident([...checked])}>
            {t("incidents.createFromTicked", { count: checked.size })}
          </Button>
          <Button size="small" onClick={() => setChecked(new Set())}>
            {t("alarmQueue.untickAll")}
          </Button>
        </div>
      )}
      {creatingIncident !== null && (
        <CreateIncidentForm count={creatingIncident.length} onCreate={(title, unit) => void createIncident(title, unit)} onCancel={() => setCreatingIncident(null)} />
      )}
      {incidentError !== null && (
        <div className="queue__refusal">
          <RefusalMessage error={incidentError} onDismiss={() => setIncidentError(null)} />
        </div>
      )}
      {bulkRefused > 0 && (
        <div className="queue__refusal" data-testid="bulk-refused">
          <RefusalMessage error={{ kind: "conflict", message: t("alarmQueue.bulkRefused", { count: bulkRefused }) }} onDismiss={() => setBulkRefused(0)} />
        </div>
      )}
      {confirming !== null && <BulkConfirm count={confirming.length} onConfirm={() => void confirmBulk()} onCancel={() => setConfirming(null)} />}
      <div className="queue__main">
        <div
          className="queue__scroll"
          ref={scrollRef}
          role="listbox"
          tabIndex={0}
          aria-multiselectable="true"
          aria-label={t("panes.alarms")}
          aria-activedescendant={selectedAlarm !== undefined && renderedIds.has(selectedAlarm.id) ? alarmRowDomId(selectedAlarm.id) : undefined}
          onKeyDown={handleKey}
        >
          {queue.length === 0 ? (
            <p className="queue__empty">{hasSnapshot ? t(isFiltering(fullFilter) ? "alarmQueue.noMatch" : "alarms.empty") : t("alarms.waiting")}</p>
          ) : (
            <div className="queue__rows" style={{ height: virtualizer.getTotalSize() }}>
              {items.map((item) => {
                const alarm = queue[item.index];
                if (alarm === undefined) return null;
                const group = grouped ? (groupOf.get(alarm.id) ?? null) : null;
                return (
                  <AlarmRow
                    key={item.key}
                    alarm={alarm}
                    index={item.index}
                    top={item.start}
                    selected={item.index === selectedIndex}
                    sending={inFlight.has(alarm.id)}
                    wardName={wardName(alarm.wardCode)}
                    refusal={refused !== null && refused.target.kind === "alarm" && refused.target.id === alarm.id ? refused.error : null}
                    locale={locale}
                    today={today}
                    t={t}
                    measureRef={virtualizer.measureElement}
                    onSelect={onSelect}
                    onAcknowledge={(id) => requestAcknowledge(byId.get(id))}
                    onDismissRefusal={dismiss}
                    checked={checked.has(alarm.id)}
                    onToggleCheck={onToggleCheck}
                    group={group !== null ? { count: group.alarms.length, firstRaisedAt: group.firstRaisedAt, lastRaisedAt: group.lastRaisedAt } : null}
                    chattering={chatter.has(sourceKey(alarm))}
                  />
                );
              })}
            </div>
          )}
        </div>
        {showIncidents ? (
          <div className="queue__details">
            <IncidentsPanel selectedId={incidentId} onSelect={setIncidentId} alarmsById={byId} />
          </div>
        ) : selectedAlarm !== undefined && (
          <div className="queue__details" ref={detailsRef}>
            <AlarmDetails alarm={selectedAlarm} wardName={wardName(selectedAlarm.wardCode)} />
          </div>
        )}
      </div>
      {refusalOutsideView && refused !== null && (
        <div className="queue__refusal">
          <RefusalMessage error={refused.error} onDismiss={dismiss} />
        </div>
      )}
      <div className="queue__hint" aria-hidden="true">
        {t("alarmQueue.keyboardHint")}
      </div>
      <AlarmToasts annunciation={annunciation} />
    </Pane>
  );
}
