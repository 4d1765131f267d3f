import { useCallback, useState } from "react";
import { rangePeriod, type DashboardRange } from "../../../../../shared/dashboards/aggregate.js";
import type { SeriesDomain } from "../../../../../shared/domain/domain-sample.js";
import type { AppError } from "../../../../../shared/result.js";
import { useStore } from "../../../store/store-context.js";

/** Asks the core for a domain report (made from its cache, so offline too) and saves it as a download. */
export function useReportExport(domain: SeriesDomain, range: DashboardRange): { exportReport(format: "pdf" | "csv"): Promise<void>; busy: boolean; error: AppError | null } {
  const store = useStore();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const exportReport = useCallback(
    async (format: "pdf" | "csv") => {
      setBusy(true);
      const period = rangePeriod(range, new Date());
      const result = await store.client.request({ type: "report.domain", domain, from: period.from.toISOString(), to: period.to.toISOString(), format });
      setBusy(false);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      const bytes = Uint8Array.from(atob(result.value.base64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: result.value.mimeType }));
      const link = document.createElement("a");
      link.href = url;
      link.download = result.value.fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    [store, domain, range],
  );
  return { exportReport, busy, error };
}
