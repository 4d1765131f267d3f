import { useTranslation } from "react-i18next";
import { formatCityTime } from "../../../../../shared/time.js";

/** The range marked on the timeline, as the export and bookmark forms say they will cover it. */
export function MarkedRangeLabel({ fromMs, toMs, testId }: { fromMs: number; toMs: number; testId: string }) {
  const { t } = useTranslation();
  return (
    <span className="marked-range tabular" data-testid={testId} data-from-ms={fromMs} data-to-ms={toMs}>
      {t("playback.markedRange", { from: formatCityTime(new Date(fromMs)), to: formatCityTime(new Date(toMs)), seconds: Math.round((toMs - fromMs) / 1000) })}
    </span>
  );
}
