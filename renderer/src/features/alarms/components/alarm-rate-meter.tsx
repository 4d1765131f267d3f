import { useTranslation } from "react-i18next";
import { FLOOD_PER_WINDOW } from "../model/alarm-rate.js";
import type { AlarmRate } from "../hooks/use-alarm-rate.js";

/** Alarms per 10 minutes against EEMUA 191's benchmarks; the level is said in words, not only in colour. */
export function AlarmRateMeter({ rate }: { rate: AlarmRate }) {
  const { t } = useTranslation();
  const fill = Math.min(1, rate.perTenMinutes / (FLOOD_PER_WINDOW * 2));
  return (
    <span
      className={`rate-meter rate-meter--${rate.level}`}
      data-testid="rate-meter"
      data-level={rate.level}
      data-rate={rate.perTenMinutes}
      title={t("alarmQueue.rateTitle")}
    >
      <span className="rate-meter__bar" aria-hidden="true">
        <span className="rate-meter__fill" style={{ width: `${Math.round(fill * 100)}%` }} />
      </span>
      <span className="rate-meter__text tabular">{t("alarmQueue.rate", { count: rate.perTenMinutes })}</span>
      <span className="rate-meter__level">{t(`alarmQueue.rateLevels.${rate.level}`)}</span>
    </span>
  );
}

export function FloodBanner({ rate }: { rate: AlarmRate }) {
  const { t } = useTranslation();
  if (rate.level !== "flood") return null;
  return (
    <div className="flood-banner" role="alert" data-testid="flood-banner">
      <span className="flood-banner__icon" aria-hidden="true">
        ⚠
      </span>
      <span>{t("alarmQueue.floodBanner", { count: rate.perTenMinutes, limit: FLOOD_PER_WINDOW })}</span>
    </div>
  );
}
