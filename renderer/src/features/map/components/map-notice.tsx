import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

const RECOVERED_SHOWN_MS = 10_000;

/**
 * Says when the map lost its graphics context and when it came back: an operator must know
 * that a blank or frozen map is being repaired, and that what they see afterwards is live again.
 */
export function MapNotice({ lost, recoveries }: { lost: boolean; recoveries: number }) {
  const { t } = useTranslation();
  const [recentRecovery, setRecentRecovery] = useState(false);
  useEffect(() => {
    if (recoveries === 0) return;
    setRecentRecovery(true);
    const timer = setTimeout(() => setRecentRecovery(false), RECOVERED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [recoveries]);

  if (!lost && !recentRecovery) return null;
  return (
    <div className={`map-notice map-notice--${lost ? "lost" : "recovered"}`} role="status" data-testid="map-notice" data-state={lost ? "lost" : "recovered"} data-recoveries={recoveries}>
      {lost ? t("map.contextLost") : t("map.contextRestored")}
    </div>
  );
}
