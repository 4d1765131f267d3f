import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatCityTime } from "../../../../../shared/time.js";
import { useClock } from "../../../hooks/use-clock.js";
import { useLanguage } from "../../../hooks/use-language.js";
import { useOperator } from "../../../hooks/use-operator.js";
import { useProblems, useSyncStatus } from "../hooks/use-sync-status.js";
import { cityDay, formatTimeOrDateTime } from "../../../format/city-time.js";
import { useStore } from "../../../store/store-context.js";
import { PendingPopover } from "./pending-popover.js";
import { ProblemsPopover } from "./problems-popover.js";
import { CentreLinks } from "./centre-links.js";

export function StatusBar() {
  const { t } = useTranslation();
  const { connection, status } = useSyncStatus();
  const operator = useOperator();
  const problems = useProblems();
  const { language, locale, toggle } = useLanguage();
  const store = useStore();
  const [showProblems, setShowProblems] = useState(false);
  const closeProblems = useCallback(() => setShowProblems(false), []);
  const [showPending, setShowPending] = useState(false);
  const closePending = useCallback(() => setShowPending(false), []);

  const connectionTitle = connection.coreUnreachable ? t("connection.coreUnreachable") : (status?.lastError ?? undefined);
  const backendUrl = status?.backendUrl ?? "";
  const today = cityDay(useClock(60_000));
  const lastSync = status?.lastSyncAt ? formatTimeOrDateTime(status.lastSyncAt, today, locale) : t("status.never");
  const progress =
    connection.state === "syncing" && status !== null && status.headSeq !== null && status.headSeq > 0
      ? { done: Math.min(status.cursor, status.headSeq), total: status.headSeq }
      : null;
  const pending = status?.pendingActions ?? 0;

  return (
    <footer className="status-bar" data-testid="status-bar">
      <div className="status-bar__brand">
        <span className="status-bar__logo" aria-hidden="true">
          IOC
        </span>
        <span className="status-bar__city">{t("app.city")}</span>
      </div>

      <div
        className={`status-bar__connection conn conn--${connection.state}`}
        data-testid="connection-state"
        data-state={connection.state}
        title={connectionTitle}
        role="status"
      >
        <span className="conn__dot" aria-hidden="true" />
        <span className="conn__label">{t(`connection.${connection.state}`)}</span>
        {progress !== null && (
          <>
            <progress className="conn__progress" data-testid="sync-progress" max={progress.total} value={progress.done} aria-label={t("status.syncProgress")} />
            <span className="conn__reason tabular">{`${progress.done}/${progress.total}`}</span>
          </>
        )}
        {connection.state === "offline" && connectionTitle !== undefined && (
          <span className="conn__reason">{connectionTitle}</span>
        )}
        {connection.state === "offline" && !connection.coreUnreachable && (
          <button type="button" className="status-bar__retry" data-testid="sync-retry" onClick={() => void store.client.request({ type: "sync.retry" })}>
            {t("status.retryNow")}
          </button>
        )}
      </div>

      <CentreLinks links={status?.links ?? []} />

      {status?.storageFull === true && (
        <div className="status-bar__item status-bar__item--alert" data-testid="storage-full" role="alert" title={t("status.storageFullDetail")}>
          <span className="status-bar__value">{t("status.storageFull")}</span>
        </div>
      )}

      <div className="status-bar__item status-bar__backend" title={`${t("status.backend")}: ${backendUrl} (${store.client.endpoint})`}>
        <span className="status-bar__key">{t("status.backend")}</span>
        <span className="status-bar__value status-bar__url" data-testid="backend-url">
          {backendUrl || "—"}
        </span>
      </div>

      <div className="status-bar__item">
        <span className="status-bar__key">{t("status.lastSync")}</span>
        <span className="status-bar__value tabular" data-testid="last-sync">
          {lastSync}
        </span>
      </div>

      <div className={`status-bar__item status-bar__problems${pending > 0 ? " status-bar__item--warn" : ""}`}>
        <button
          type="button"
          className="status-bar__pending-button"
          data-testid="pending-button"
          aria-expanded={showPending}
          onClick={() => setShowPending((open) => !open)}
        >
          <span className="status-bar__key">{t("status.pending")}</span>{" "}
          <span className="status-bar__value tabular" data-testid="pending-count">
            {pending}
          </span>
        </button>
        {showPending && <PendingPopover pendingCount={pending} locale={locale} onClose={closePending} />}
      </div>

      {problems.length > 0 && (
        <div className="status-bar__problems">
          <button
            type="button"
            className="status-bar__problems-button"
            data-testid="problems-button"
            aria-expanded={showProblems}
            onClick={() => setShowProblems((open) => !open)}
          >
            <span aria-hidden="true">⚠</span> {t("status.problems", { count: problems.length })}
          </button>
          {showProblems && <ProblemsPopover problems={problems} locale={locale} onClose={closeProblems} />}
        </div>
      )}

      <div className="status-bar__spacer" />

      <div className="status-bar__item">
        <span className="status-bar__key">{t("status.operator")}</span>
        <span className="status-bar__value status-bar__operator" data-testid="operator-name">
          {operator?.name ?? "—"}
        </span>
      </div>

      <button
        type="button"
        className="status-bar__language"
        data-testid="language-toggle"
        data-language={language}
        onClick={toggle}
        title={t("status.switchTo")}
        aria-label={`${t("status.language")}: ${language.toUpperCase()}. ${t("status.switchTo")}`}
      >
        <span className={language === "vi" ? "is-current" : ""}>VI</span>
        <span aria-hidden="true">|</span>
        <span className={language === "en" ? "is-current" : ""}>EN</span>
      </button>

      <Clock locale={locale} label={t("status.clock")} />
    </footer>
  );
}

/** Its own component so the per-second tick re-renders only the clock. */
function Clock({ locale, label }: { locale: string; label: string }) {
  const now = useClock();
  return (
    <time className="status-bar__clock tabular" data-testid="clock" dateTime={now.toISOString()} title={label}>
      {formatCityTime(now, locale)}
    </time>
  );
}
