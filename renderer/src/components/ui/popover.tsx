import { useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useDismiss } from "../../hooks/use-dismiss.js";
import { Button } from "./button.js";

interface PopoverProps {
  testId: string;
  title: string;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A titled, non-modal popover that closes on Escape, a press outside it, or its close button.
 * Its classes keep the name of the first popover, problems-popover, because status-bar.css styles them by it.
 */
export function Popover({ testId, title, onClose, children }: PopoverProps) {
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  useDismiss(root, onClose);

  return (
    <div className="problems-popover" role="dialog" aria-label={title} ref={root} data-testid={testId}>
      <header className="problems-popover__header">
        <h3>{title}</h3>
        <Button size="small" onClick={onClose}>
          {t("status.close")}
        </Button>
      </header>
      {children}
    </div>
  );
}
