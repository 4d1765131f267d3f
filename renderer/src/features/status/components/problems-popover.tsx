import { useTranslation } from "react-i18next";
import type { SyncProblem } from "../../../../../shared/protocol/console-api.js";
import { formatCityDateTime } from "../../../../../shared/time.js";
import { Popover } from "../../../components/ui/popover.js";

interface ProblemsPopoverProps {
  problems: readonly SyncProblem[];
  locale: string;
  onClose: () => void;
}

export function ProblemsPopover({ problems, locale, onClose }: ProblemsPopoverProps) {
  const { t } = useTranslation();
  const newestFirst = [...problems].reverse();
  return (
    <Popover testId="problems-list" title={t("status.problemsTitle")} onClose={onClose}>
      {newestFirst.length === 0 ? (
        <p className="problems-popover__empty">{t("status.noProblems")}</p>
      ) : (
        <ol className="problems-popover__list">
          {newestFirst.map((problem) => (
            <li key={problem.id} className="problems-popover__item" data-testid="problem-item">
              <span className="problems-popover__meta">
                {formatCityDateTime(problem.at, locale)} · {problem.source}
              </span>
              <span className="problems-popover__message">{problem.message}</span>
            </li>
          ))}
        </ol>
      )}
    </Popover>
  );
}
