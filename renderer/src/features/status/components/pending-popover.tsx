import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PendingAction } from "../../../../../shared/protocol/console-api.js";
import { formatCityDateTime } from "../../../../../shared/time.js";
import { Popover } from "../../../components/ui/popover.js";
import { useStore } from "../../../store/store-context.js";

interface PendingPopoverProps {
  /** Changes whenever the pending count does, so the list is fetched again. */
  pendingCount: number;
  locale: string;
  onClose: () => void;
}

/** The operator actions still waiting to reach the backend: nothing is hidden while offline. */
export function PendingPopover({ pendingCount, locale, onClose }: PendingPopoverProps) {
  const { t } = useTranslation();
  const store = useStore();
  const [items, setItems] = useState<PendingAction[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void store.client.request({ type: "outbox.list" }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setItems(result.value);
        setError(null);
      } else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [store, pendingCount]);

  return (
    <Popover testId="pending-list" title={t("status.pendingTitle")} onClose={onClose}>
      {error !== null && <p className="problems-popover__empty">{error}</p>}
      {items !== null && items.length === 0 && <p className="problems-popover__empty">{t("status.noPending")}</p>}
      {items !== null && items.length > 0 && (
        <ol className="problems-popover__list">
          {items.map((item) => (
            <li key={item.idempotencyKey} className="problems-popover__item" data-testid="pending-item">
              <span className="problems-popover__meta">
                {formatCityDateTime(item.createdAt, locale)} · {t(`pendingAction.${item.command}`, { defaultValue: item.command })} · {item.target.id}
              </span>
              {item.lastError !== null && (
                <span className="problems-popover__message">{t("status.pendingAttempts", { count: item.attempts, error: item.lastError })}</span>
              )}
            </li>
          ))}
        </ol>
      )}
    </Popover>
  );
}
