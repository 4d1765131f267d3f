import { LIMITS } from "../../../../../shared/limits.js";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AlarmDomainSchema, AlarmPrioritySchema, AlarmStateSchema, type AlarmDomain, type AlarmState } from "../../../../../shared/domain/alarm.js";
import { useWards } from "../../../hooks/use-wards.js";
import { toggled, type AlarmFilter } from "../model/alarm-filter.js";
import { PriorityMark } from "./priority-mark.js";
import { useStore } from "../../../store/store-context.js";

interface AlarmFiltersProps {
  filter: AlarmFilter;
  onChange: (filter: AlarmFilter) => void;
  /** Extra controls at the end of the row (the grouping toggle). */
  children?: ReactNode;
}

/** Search and filters above the queue: priority toggles, state, domain, ward (the shared ward selection). */
export function AlarmFilters({ filter, onChange, children }: AlarmFiltersProps) {
  const { selectWard } = useStore();
  const { t } = useTranslation();
  const wards = useWards();
  const single = <T extends string>(set: ReadonlySet<T>): T | "" => (set.size === 1 ? [...set][0]! : "");
  return (
    <div className="queue-filters" role="search" data-testid="alarm-filters">
      <input
        className="queue-filters__search"
        type="search"
        data-testid="alarm-search"
        maxLength={LIMITS.nameChars}
        placeholder={t("alarmQueue.searchPlaceholder")}
        aria-label={t("alarmQueue.search")}
        value={filter.text}
        onChange={(event) => onChange({ ...filter, text: event.target.value })}
      />
      <div className="queue-filters__priorities" role="group" aria-label={t("alarmQueue.priorityFilter")}>
        {AlarmPrioritySchema.options.map((priority) => (
          <button
            key={priority}
            type="button"
            className="queue-filters__priority"
            data-testid="filter-priority"
            data-priority={priority}
            aria-pressed={filter.priorities.has(priority)}
            onClick={() => onChange({ ...filter, priorities: toggled(filter.priorities, priority) })}
          >
            <PriorityMark priority={priority} />
          </button>
        ))}
      </div>
      <select
        data-testid="filter-state"
        aria-label={t("alarmQueue.stateFilter")}
        value={single(filter.states)}
        onChange={(event) => onChange({ ...filter, states: event.target.value === "" ? new Set() : new Set([event.target.value as AlarmState]) })}
      >
        <option value="">{t("alarmQueue.allStates")}</option>
        {AlarmStateSchema.options.map((state) => (
          <option key={state} value={state}>
            {t(`states.${state}`)}
          </option>
        ))}
      </select>
      <select
        data-testid="filter-domain"
        aria-label={t("alarmQueue.domainFilter")}
        value={single(filter.domains)}
        onChange={(event) => onChange({ ...filter, domains: event.target.value === "" ? new Set() : new Set([event.target.value as AlarmDomain]) })}
      >
        <option value="">{t("alarmQueue.allDomains")}</option>
        {AlarmDomainSchema.options.map((domain) => (
          <option key={domain} value={domain}>
            {t(`domains.${domain}`)}
          </option>
        ))}
      </select>
      <select
        data-testid="filter-ward"
        aria-label={t("alarmQueue.wardFilter")}
        value={filter.wardCode ?? ""}
        onChange={(event) => selectWard(event.target.value === "" ? null : event.target.value)}
      >
        <option value="">{t("alarmQueue.allWards")}</option>
        {wards.map((ward) => (
          <option key={ward.code} value={ward.code}>
            {ward.name}
          </option>
        ))}
      </select>
      {children}
    </div>
  );
}
