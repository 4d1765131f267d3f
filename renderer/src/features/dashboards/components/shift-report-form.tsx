import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LIMITS } from "../../../../../shared/limits.js";
import type { useReportExport } from "../hooks/use-report-export.js";
import { SHIFT_CHOICES, shiftPeriod, type ShiftChoice } from "../model/shift-periods.js";

/** The shift report: the officer picks the shift and writes the handover note; the core adds the shift's alarms and incidents. */
export function ShiftReportForm({ report }: { report: ReturnType<typeof useReportExport> }) {
  const { t } = useTranslation();
  const [note, setNote] = useState("");
  const [shift, setShift] = useState<ShiftChoice>("last8h");
  const exportAs = (format: "pdf" | "csv") => {
    const { from, to } = shiftPeriod(shift, new Date());
    void report.exportReport({ type: "report.shift", from: from.toISOString(), to: to.toISOString(), handoverNote: note, format });
  };
  return (
    <details className="dash-shift" data-testid="dash-shift">
      <summary>{t("dashboards.shift.title")}</summary>
      <label className="dash-shift__label">
        {t("dashboards.shift.period")}
        <select value={shift} data-testid="dash-shift-period" onChange={(e) => setShift(e.target.value as ShiftChoice)}>
          {SHIFT_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`dashboards.shift.choice.${choice}`)}
            </option>
          ))}
        </select>
      </label>
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
