import { useCallback, useState } from "react";
import type { ConsoleRequest } from "../../../../../shared/protocol/console-api.js";
import type { AppError } from "../../../../../shared/result.js";
import { useStore } from "../../../store/store-context.js";

type ReportRequest = Extract<ConsoleRequest, { type: "report.domain" | "report.shift" }>;

/** Asks the core for a report (made from its cache, so offline too) and saves it as a download. */
export function useReportExport(): { exportReport(request: ReportRequest): Promise<void>; busy: boolean; error: AppError | null } {
  const store = useStore();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const exportReport = useCallback(
    async (request: ReportRequest) => {
      setBusy(true);
      // Each branch narrows the request, so the answer's type is its own.
      const result = request.type === "report.domain" ? await store.client.request(request) : await store.client.request(request);
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
    [store],
  );
  return { exportReport, busy, error };
}
