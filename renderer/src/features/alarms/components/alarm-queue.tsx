import { useVirtualizer, type Virtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { needsAttention } from "../../../../../shared/alarm-lifecycle.js";
import type { Alarm } from "../../../../../shared/domain/alarm.js";
import { Button } from "../../../components/ui/button.js";
import { Pane } from "../../../components/ui/pane.js";
import { useAcknowledge } from "../hooks/use-acknowledge.js";
import { useBulkAcknowledge } from "../hooks/use-bulk-acknowledge.js";
import { useQueueKeyboard } from "../hooks/use-queue-keyboard.js";
import { useSelectionFollowsQueue } from "../hooks/use-selection-follows-queue.js";
import { useAlarmRate } from "../hooks/use-alarm-rate.js";
import { useAlarmsById, useAlarmsSettled, useQueueAlarms } from "../hooks/use-alarms.js";
import { useAnnunciation } from "../hooks/use-annunciation.js";
import { useClock } from "../../../hooks/use-clock.js";
import { useLanguage } from "../../../hooks/use-language.js";
import { useHasSnapshot, useScreenIsCurrent } from "../../status/hooks/use-sync-status.js";
import { useWardName } from "../../../hooks/use-wards.js";
import { useSelectedAlarmId, useSelectedWardCode } from "../../../store/selection.js";
import { cityDay } from "../../../format/city-time.js";
import { AlarmDetails } from "./alarm-details.js";
import { EMPTY_FILTER, filterAlarms, isFiltering, type AlarmFilter } from "../model/alarm-filter.js";
import { AlarmFilters } from "./alarm-filters.js";
import { chatteringSources, groupBySource, sourceKey, type AlarmGroup } from "../model/alarm-groups.js";
import { FloodBanner } from "./alarm-rate-meter.js";
import { AlarmRow, alarmRowDomId } from "./alarm-row.js";
import { AlarmToasts } from "./alarm-toasts.js";
import { BulkConfirm } from "./bulk-confirm.js";
import { BulkBar } from "./bulk-bar.js";
import { QueueToolbar } from "./queue-toolbar.js";
import { RefusalMessage } from "./refusal-message.js";
import { useIncidentWorkflow } from "../../incidents/hooks/use-incident-workflow.js";
import { CreateIncidentForm } from "../../incidents/components/create-incident-form.js";
import { IncidentsPanel } from "../../incidents/components/incidents-panel.js";
import { useStore } from "../../../store/store-context.js";
import { DirectivesList } from "../../directives/components/directives-list.js";

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
  const { selectAlarm } = useStore();
  const { t } = useTranslation();
  const active = useQueueAlarms();
  const byId = useAlarmsById();
  const hasSnapshot = useHasSnapshot();
  const screenIsCurrent = useScreenIsCurrent();
  // "Ready" once the queue shows what the store holds (it follows a deferred copy of the alarms).
  const settled = useAlarmsSettled();
  const wardName = useWardName();
  const { locale } = useLanguage();
  const today = cityDay(useClock(60_000));
  const selectedId = useSelectedAlarmId();
  const wardCode = useSelectedWardCode();
  const { acknowledge, inFlight, refused, dismiss } = useAcknowledge();
  const rate = useAlarmRate();
  const annunciation = useAnnunciation();
  const bulk = useBulkAcknowledge(byId);
  // Incidents: made from the ticked alarms, shown in the details panel's place when asked for.
  const incidents = useIncidentWorkflow();
  const [filter, setFilter] = useState<AlarmFilter>(EMPTY_FILTER);
  const [grouped, setGrouped] = useState(false);
  const scrollRef = useRef<HTMLDivElement>(null);
  const detailsRef = useRef<HTMLDivElement>(null);

  const fullFilter = useMemo(() => ({ ...filter, wardCode }), [filter, wardCode]);
  const describe = useCallback((alarm: Alarm) => `${t(`alarmTypes.${alarm.type}`, { defaultValue: alarm.type })} ${wardName(alarm.wardCode)}`, [t, wardName]);
  const filtered = useMemo(() => filterAlarms(active, fullFilter, describe), [active, fullFilter, describe]);
  // Grouping costs a pass over the whole queue: only when the officer asks for it (in a flood).
  const groups = useMemo(() => (grouped ? groupBySource(filtered) : []), [grouped, filtered]);
  const chatter = useMemo(() => chatteringSources(groups), [groups]);
  const groupOf = useMemo(() => new Map<string, AlarmGroup>(groups.map((g) => [g.alarms[0]!.id, g])), [groups]);
  const queue = useMemo(() => (grouped ? groups.map((g) => g.alarms[0]!) : filtered), [grouped, groups, filtered]);
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
  const scrollToIndex = useCallback((index: number) => virtualizer.scrollToIndex(index, { align: "auto" }), [virtualizer]);
  const selectedIndex = useSelectionFollowsQueue(queue, selectedId, hasSnapshot && settled, scrollToIndex);

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

  /** The alarms an acknowledgement of this row means: the whole group in the grouped view. */
  const rowTargets = useCallback(
    (alarm: Alarm): string[] => {
      const group = grouped ? groupOf.get(alarm.id) : undefined;
      return (group?.alarms ?? [alarm]).filter((a) => needsAttention(a.state)).map((a) => a.id);
    },
    [grouped, groupOf],
  );
  const requestAcknowledge = useCallback((alarm: Alarm | undefined) => bulk.request(alarm, rowTargets, acknowledge), [bulk, rowTargets, acknowledge]);

  const handleKey = useQueueKeyboard({
    enabled: bulk.confirming === null,
    queue,
    selectedIndex,
    acknowledge: requestAcknowledge,
    toggle: bulk.toggle,
    openDetails: () => detailsRef.current?.querySelector<HTMLElement>("[data-testid=alarm-details]")?.focus(),
    clearTicks: bulk.clear,
  });

  const items = virtualizer.getVirtualItems();
  const renderedIds = new Set(items.map((item) => queue[item.index]?.id));
  const refusalOutsideView = refused !== null && !(refused.target.kind === "alarm" && renderedIds.has(refused.target.id));
  const selectedAlarm = selectedId !== null ? byId.get(selectedId) : undefined;

  return (
    <Pane
      testId="alarm-queue"
      title={t("panes.alarms")}
      className="queue"
      data-ready={screenIsCurrent && settled ? "true" : "false"}
      data-last-tone={annunciation.lastTone ?? ""}
      toolbar={
        <QueueToolbar
          t={t}
          annunciation={annunciation}
          rate={rate}
          incidentsShown={incidents.shown}
          openIncidents={incidents.openCount}
          onToggleIncidents={incidents.toggleShown}
          total={active.length}
          shown={isFiltering(fullFilter) ? filtered.length : null}
          unacknowledged={unacknowledged}
        />
      }
    >
      <FloodBanner rate={rate} />
      <DirectivesList silenced={Date.now() < annunciation.silencedUntil} />
      <AlarmFilters filter={fullFilter} onChange={(next) => setFilter({ ...next, wardCode: null })}>
        <Button size="small" data-testid="group-toggle" aria-pressed={grouped} onClick={() => setGrouped((g) => !g)}>
          {t("alarmQueue.groupBySource")}
        </Button>
      </AlarmFilters>
      {bulk.checked.size > 0 && (
        <BulkBar t={t} count={bulk.checked.size} onAcknowledge={() => requestAcknowledge(undefined)} onCreateIncident={() => incidents.startCreating([...bulk.checked])} onUntick={bulk.clear} />
      )}
      {incidents.creating !== null && (
        <CreateIncidentForm
          count={incidents.creating.length}
          onCreate={(title, unit) => void incidents.create(title, unit).then((made) => made && bulk.clear())}
          onCancel={incidents.cancelCreating}
        />
      )}
      {incidents.error !== null && (
        <div className="queue__refusal">
          <RefusalMessage error={incidents.error} onDismiss={incidents.dismissError} />
        </div>
      )}
      {bulk.refused > 0 && (
        <div className="queue__refusal" data-testid="bulk-refused">
          <RefusalMessage error={{ kind: "conflict", message: t("alarmQueue.bulkRefused", { count: bulk.refused }) }} onDismiss={bulk.dismissRefused} />
        </div>
      )}
      {bulk.confirming !== null && (
        <BulkConfirm count={bulk.confirming.length} onConfirm={() => void bulk.confirm(() => scrollRef.current?.focus({ preventScroll: true }))} onCancel={bulk.cancel} />
      )}
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
                    checked={bulk.checked.has(alarm.id)}
                    onToggleCheck={bulk.toggle}
                    group={group !== null ? { count: group.alarms.length, firstRaisedAt: group.firstRaisedAt, lastRaisedAt: group.lastRaisedAt } : null}
                    chattering={chatter.has(sourceKey(alarm))}
                  />
                );
              })}
            </div>
          )}
        </div>
        {incidents.shown ? (
          <div className="queue__details">
            <IncidentsPanel selectedId={incidents.selectedId} onSelect={incidents.select} alarmsById={byId} />
          </div>
        ) : (
          selectedAlarm !== undefined && (
            <div className="queue__details" ref={detailsRef}>
              <AlarmDetails alarm={selectedAlarm} wardName={wardName(selectedAlarm.wardCode)} />
            </div>
          )
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
