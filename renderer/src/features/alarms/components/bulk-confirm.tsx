import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../components/ui/button.js";

interface BulkConfirmProps {
  count: number;
  onConfirm: () => void;
  onCancel: () => void;
}

/** "Acknowledge 12 alarms?": names how many before a bulk acknowledgement; Enter confirms, Escape cancels. */
export function BulkConfirm({ count, onConfirm, onCancel }: BulkConfirmProps) {
  const { t } = useTranslation();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);
  return (
    <div
      className="bulk-confirm"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="bulk-confirm-text"
      data-testid="bulk-confirm"
      data-count={count}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === "Escape") onCancel();
      }}
    >
      <p id="bulk-confirm-text" className="bulk-confirm__text">
        {t("alarmQueue.bulkConfirm", { count })}
      </p>
      <div className="bulk-confirm__buttons">
        <button type="button" className="btn btn--primary" ref={confirmRef} data-testid="bulk-confirm-yes" onClick={onConfirm}>
          {t("alarmQueue.bulkConfirmYes", { count })}
        </button>
        <Button data-testid="bulk-confirm-no" onClick={onCancel}>
          {t("alarmQueue.cancel")}
        </Button>
      </div>
    </div>
  );
}
