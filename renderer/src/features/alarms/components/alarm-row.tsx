import { memo, type Ref } from "react";
import type { TFunction } from "i18next";
import type { Alarm } from "../../../../../shared/domain/alarm.js";
import { needsAttention } from "../../../../../shared/alarm-lifecycle.js";
import { formatCityTime } from "../../../../../shared/time.js";
import type { AppError } from "../../../../../shared/result.js";
import { Button } from "../../../components/ui/button.js";
import { formatTimeOrDateTime } from "../../../format/city-time.js";
import { PriorityMark } from "./priority-mark.js";
import { RefusalMessage } from "./refusal-message.js";

interface AlarmRowProps {
  alarm: Alarm;
  index: number;
  top: number;
  selected: boolean;
  sending: boolean;
  wardName: string;
  /** Set when this row's acknowledgement was refused. */
  refusal: AppError | null;
  locale: string;
  /** The city's calendar day, to decide whether a date is needed. */
  today: string;
  t: TFunction;
  measureRef: Ref<HTMLDivElement>;
  onSelect: (id: string) => void;
  onAcknowledge: (id: string) => void;
  onDismissRefusal: () => void;
  /** Ticked for a bulk acknowledgement. */
  checked: boolean;
  onToggleCheck: (id: string) => void;
  /** In the grouped view: how many alarms this row stands for, and their first and last time. */
  group: { count: number; firstRaisedAt: string; lastRaisedAt: string } | null;
  /** The alarm's source repeats it again and again. */
  chattering: boolean;
}

export function alarmRowDomId(alarmId: string): string {
  return `alarm-row-${alarmId.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

export const AlarmRow = memo(function AlarmRow({
  alarm,
  index,
  top,
  selected,
  sending,
  wardName,
  refusal,
  locale,
  today,
  t,
  measureRef,
  onSelect,
  onAcknowledge,
  onDismissRefusal,
  checked,
  onToggleCheck,
  group,
  chattering,
}: AlarmRowProps) {
  const attention = needsAttention(alarm.state);
  const flashing = attention && alarm.priority === "critical";
  const typeLabel = t(`alarmTypes.${alarm.type}`, { defaultValue: alarm.type });
  const acknowledgedBy = alarm.acknowledgedByName ?? alarm.acknowledgedBy;
  return (
    <div
      ref={measureRef}
      id={alarmRowDomId(alarm.id)}
      data-index={index}
      data-testid="alarm-row"
      data-alarm-id={alarm.id}
      data-priority={alarm.priority}
      data-state={alarm.state}
      data-flash={flashing ? "true" : "false"}
      data-checked={checked ? "true" : "false"}
      role="option"
      aria-selected={selected}
      className={`alarm-row alarm-row--${alarm.priority}${attention ? " alarm-row--attention" : ""}${flashing ? " alarm-row--flash" : ""}${selected ? " is-selected" : ""}`}
      style={{ transform: `translateY(${top}px)` }}
      onMouseDown={() => onSelect(alarm.id)}
    >
      <div className="alarm-row__bar" aria-hidden="true" />
      <div className="alarm-row__priority">
        <input
          type="checkbox"
          className="alarm-row__check"
          data-testid="alarm-check"
          aria-label={t("alarmQueue.tick")}
          checked={checked}
          tabIndex={-1}
          onMouseDown={(event) => event.stopPropagation()}
          onChange={() => onToggleCheck(alarm.id)}
        />
        <PriorityMark priority={alarm.priority} />
      </div>
      <div className="alarm-row__main">
        <div className="alarm-row__headline">
          <span className="alarm-row__type">{typeLabel}</span>
          <time className="alarm-row__time tabular" dateTime={alarm.raisedAt} title={t("alarms.raisedAt")}>
            {formatTimeOrDateTime(alarm.raisedAt, today, locale)}
          </time>
        </div>
        <div className="alarm-row__place">
          <span className="alarm-row__place-name">{alarm.place}</span>
          <span className="alarm-row__sep" aria-hidden="true">
            ·
          </span>
          <span className="alarm-row__ward">{wardName}</span>
          <span className="alarm-row__sep" aria-hidden="true">
            ·
          </span>
          <span className="alarm-row__domain">{t(`domains.${alarm.domain}`)}</span>
        </div>
        <div className="alarm-row__status">
          <span className={`state-chip state-chip--${alarm.state}`}>{t(`states.${alarm.state}`)}</span>
          {group !== null && group.count > 1 && (
            <span className="alarm-row__group" data-testid="alarm-group" data-count={group.count}>
              {t("alarmQueue.group", {
                count: group.count,
                first: formatCityTime(group.firstRaisedAt, locale),
                last: formatCityTime(group.lastRaisedAt, locale),
              })}
            </span>
          )}
          {chattering && (
            <span className="alarm-row__chatter" data-testid="chattering" title={t("alarmQueue.chatteringTitle")}>
              ↻ {t("alarmQueue.chattering")}
            </span>
          )}
          {alarm.assignedTo !== null && <span className="alarm-row__assignee">→ {alarm.assignedToName ?? alarm.assignedTo}</span>}
          {alarm.state === "shelved" && alarm.shelvedUntil !== null && (
            <span className="alarm-row__shelved">{t("alarmQueue.shelvedUntilShort", { time: formatCityTime(alarm.shelvedUntil, locale) })}</span>
          )}
          {alarm.escalations.length > 0 && <span className="alarm-row__escalated">⇪ {t("alarmQueue.escalated")}</span>}
          {acknowledgedBy !== null && alarm.acknowledgedAt !== null && (
            <span className="alarm-row__ack-info" data-testid="ack-info">
              {t("alarms.ackInfo", { name: acknowledgedBy, time: formatCityTime(alarm.acknowledgedAt, locale) })}
            </span>
          )}
        </div>
        {refusal !== null && <RefusalMessage error={refusal} onDismiss={onDismissRefusal} />}
      </div>
      <div className="alarm-row__actions">
        {attention && (
          <Button
            variant="primary"
            data-testid="ack-button"
            disabled={sending}
            aria-busy={sending}
            tabIndex={-1}
            onMouseDown={(event) => event.stopPropagation()}
            onClick={() => {
              onSelect(alarm.id);
              onAcknowledge(alarm.id);
            }}
          >
            {sending ? t("alarms.acknowledging") : t("alarms.acknowledge")}
          </Button>
        )}
      </div>
    </div>
  );
});
