import { useRef } from "react";
import { useTranslation } from "react-i18next";
import type { SyncProblem } from "../../../../shared/protocol/console-api.js";
import { formatCityDateTime } from "../../../../shared/time.js";
import { Button } from "../../components/ui/button.js";
import { useDismiss } from "../../hooks/use-dismiss.js";

interface ProblemsPopoverProps {
  problems: readonly SyncProblem[];
  locale: string;
  onClose: () => void;
}

export function ProblemsPopover({ problems, locale, onClose }: ProblemsPopoverProps) {
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);

  useDismiss(root, onClose);

  const newestFirst = [...problems].reverse();
  return (
    <div className="problems-popover" role="dialog" aria-label={t("status.problemsTitle")} ref={root} data-testid="problems-list">
      <header className="problems-popover__header">
        <h3>{t("status.problemsTitle")}</h3>
        <Button size="small" onClick={onClose}>
          {t("status.close")}
        </Button>
      </header>
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
    </div>
  );
}
