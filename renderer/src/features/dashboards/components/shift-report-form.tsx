import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LIMITS } from "../../../../../shared/limits.js";
import type { useReportExport } from "../hooks/use-report-export.js";

/** A shift is eight hours in the control room: the report covers the eight hours up to now. */
const SHIFT_MS = 8 * 3_600_000;

/** The shift report: the officer writes the handover note, the core adds the shift's alarms and incidents. */
export function ShiftReportForm({ report }: { report: ReturnType<typeof useReportExport> }) {
  const { t } = useTranslation();
  const [note, setNote] = useState("");
  const exportAs = (format: "pdf" | "csv") => {
    const to = new Date();
    void report.exportReport({ type: "report.shift", from: new Date(to.getTime() - SHIFT_MS).toISOString(), to: to.toISOString(), handoverNote: note, format });
  };
  return (
    <details className="dash-shift" data-testid="dash-shift">
      <summary>{t("dashboards.shift.title")}</summary>
      <label className="dash-shift__label">
        {t("dashboards.shift.note")}
        <textarea value={note} maxLength={LIMITS.handoverNoteChars} rows={4} data-testid="dash-shift-note" onChange={(e) => setNote(e.target.value)} />
      </label>
      {(["pdf", "csv"] as const).map((format) => (
        <button key={format} type="button" className="btn btn--ghost btn--small" disabled={report.busy} data-testid={`dash-shift-${format}`} onClick={() => exportAs(format)}>
          {t(`dashboards.export.${format}`)}
        </button>
      ))}
    </details>
  );
}
