import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent as ReactKeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { needsAttention } from "../../../../shared/alarm-lifecycle.js";
import { assertNever } from "../../../../shared/result.js";
import { Badge } from "../../components/ui/badge.js";
import { Pane } from "../../components/ui/pane.js";
import { useAcknowledge } from "../../hooks/use-acknowledge.js";
import { useQueueAlarms } from "../../hooks/use-alarms.js";
import { useClock } from "../../hooks/use-clock.js";
import { useLanguage } from "../../hooks/use-language.js";
import { useHasSnapshot } from "../../hooks/use-sync-status.js";
import { useWardName } from "../../hooks/use-wards.js";
import { selectAlarm, useSelectedAlarmId } from "../../store/selection.js";
import { AlarmRow, alarmRowDomId } from "./alarm-row.js";
import { cityDay } from "../../format/city-time.js";
import { queueKeyAction } from "./queue-keys.js";
import { indexOfSelection, moveSelection } from "./queue-order.js";
import { RefusalMessage } from "./refusal-message.js";

const ESTIMATED_ROW_HEIGHT = 96;
let alarmsReadyMarked = false;

export function AlarmQueue() {
  const { t } = useTranslation();
  const queue = useQueueAlarms();
  const hasSnapshot = useHasSnapshot();
  const wardName = useWardName();
  const { locale } = useLanguage();
  const today = cityDay(useClock(60_000));
  const selectedId = useSelectedAlarmId();
  const { acknowledge, inFlight, refused, dismiss } = useAcknowledge();
  const scrollRef = useRef<HTMLDivElement>(null);
  const lastSelectedIndex = useRef(-1);

  const selectedIndex = indexOfSelection(queue, selectedId, lastSelectedIndex.current);
  const unacknowledged = useMemo(() => queue.filter((alarm) => needsAttention(alarm.state)).length, [queue]);

  const virtualizer = useVirtualizer({
    count: queue.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: 6,
    getItemKey: (index) => queue[index]?.id ?? index,
  });

  // When the selected alarm leaves the queue, the selection stays at the same place in the list.
  useEffect(() => {
    const current = selectedIndex >= 0 ? queue[selectedIndex] : undefined;
    if (current !== undefined && current.id !== selectedId) selectAlarm(current.id);
    if (current === undefined && selectedId !== null && queue.length === 0) selectAlarm(null);
    lastSelectedIndex.current = selectedIndex;
  }, [queue, selectedId, selectedIndex]);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: "auto" });
  }, [selectedIndex, virtualizer]);

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

  const handleKey = useCallback(
    (event: KeyboardEvent | ReactKeyboardEvent): void => {
      const action = queueKeyAction(event);
      if (action === null) return;
      // A focused button acts on Enter by itself; acting here too would send twice.
      if (action.kind === "acknowledge" && event.key !== "a" && event.key !== "A" && event.target instanceof HTMLButtonElement) return;
      event.preventDefault();
      switch (action.kind) {
        case "move":
        case "jump": {
          const next =
            action.kind === "move" ? moveSelection(selectedIndex, action.by, queue.length) : action.to === "first" ? 0 : queue.length - 1;
          const alarm = queue[next];
          if (alarm !== undefined) selectAlarm(alarm.id);
          return;
        }
        case "acknowledge": {
          const alarm = selectedIndex >= 0 ? queue[selectedIndex] : undefined;
          if (alarm !== undefined && needsAttention(alarm.state)) acknowledge(alarm.id);
          return;
        }
        default:
          assertNever(action);
      }
    },
    [acknowledge, queue, selectedIndex],
  );

  // With nothing focused (after a click on empty space), the queue still answers the keyboard.
  const handleKeyRef = useRef(handleKey);
  useEffect(() => {
    handleKeyRef.current = handleKey;
  }, [handleKey]);
  useEffect(() => {
    const onDocumentKey = (event: KeyboardEvent) => {
      const active = document.activeElement;
      if (active === null || active === document.body || active === document.documentElement) handleKeyRef.current(event);
    };
    document.addEventListener("keydown", onDocumentKey);
    return () => document.removeEventListener("keydown", onDocumentKey);
  }, []);

  const items = virtualizer.getVirtualItems();
  const renderedIds = new Set(items.map((item) => queue[item.index]?.id));
  const refusalOutsideView = refused !== null && !renderedIds.has(refused.alarmId);
  const selectedAlarm = selectedIndex >= 0 ? queue[selectedIndex] : undefined;

  return (
    <Pane
      testId="alarm-queue"
      title={t("panes.alarms")}
      className="queue"
      data-ready={hasSnapshot ? "true" : "false"}
      toolbar={
        <>
          <Badge data-testid="alarm-count">{t("alarms.total", { count: queue.length })}</Badge>
          {unacknowledged > 0 && (
            <Badge tone="alert" data-testid="unacked-count">
              {t("alarms.unacked", { count: unacknowledged })}
            </Badge>
          )}
        </>
      }
    >
      <div
        className="queue__scroll"
        ref={scrollRef}
        role="listbox"
        tabIndex={0}
        aria-label={t("panes.alarms")}
        aria-activedescendant={selectedAlarm !== undefined && renderedIds.has(selectedAlarm.id) ? alarmRowDomId(selectedAlarm.id) : undefined}
        onKeyDown={handleKey}
      >
        {queue.length === 0 ? (
          <p className="queue__empty">{hasSnapshot ? t("alarms.empty") : t("alarms.waiting")}</p>
        ) : (
          <div className="queue__rows" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const alarm = queue[item.index];
              if (alarm === undefined) return null;
              return (
                <AlarmRow
                  key={item.key}
                  alarm={alarm}
                  index={item.index}
                  top={item.start}
                  selected={item.index === selectedIndex}
                  sending={inFlight.has(alarm.id)}
                  wardName={wardName(alarm.wardCode)}
                  refusal={refused !== null && refused.alarmId === alarm.id ? refused.error : null}
                  locale={locale}
                  today={today}
                  t={t}
                  measureRef={virtualizer.measureElement}
                  onSelect={onSelect}
                  onAcknowledge={acknowledge}
                  onDismissRefusal={dismiss}
                />
              );
            })}
          </div>
        )}
      </div>
      {refusalOutsideView && refused !== null && (
        <div className="queue__refusal">
          <RefusalMessage error={refused.error} onDismiss={dismiss} />
        </div>
      )}
      <div className="queue__hint" aria-hidden="true">
        {t("alarms.keyboardHint")}
      </div>
    </Pane>
  );
}
