import { memo } from "react";
import { useTranslation } from "react-i18next";
import { PRIORITY_RANK, type AlarmPriority } from "../../../../../shared/domain/alarm.js";
import { assertNever } from "../../../../../shared/result.js";

/**
 * A distinct shape per priority (ISA-101 style) so priority never depends on colour alone:
 * triangle, diamond, square, circle, each carrying the priority number.
 */
function Shape({ priority }: { priority: AlarmPriority }) {
  switch (priority) {
    case "critical":
      return <polygon points="12,2 23,22 1,22" />;
    case "high":
      return <polygon points="12,1 23,12 12,23 1,12" />;
    case "medium":
      return <rect x="3" y="3" width="18" height="18" rx="2" />;
    case "low":
      return <circle cx="12" cy="12" r="10.5" />;
    default:
      return assertNever(priority);
  }
}

/** Memoised: every visible row draws one, and rows re-render as a flood shifts them. */
export const PriorityMark = memo(function PriorityMark({ priority }: { priority: AlarmPriority }) {
  const { t } = useTranslation();
  const number = PRIORITY_RANK[priority] + 1;
  return (
    <span className={`priority priority--${priority}`}>
      <svg className="priority__shape" viewBox="0 0 24 24" aria-hidden="true">
        <Shape priority={priority} />
        <text x="12" y={priority === "critical" ? 19 : 16.5} textAnchor="middle">
          {number}
        </text>
      </svg>
      <span className="priority__label">{t(`priorities.${priority}`)}</span>
    </span>
  );
});
