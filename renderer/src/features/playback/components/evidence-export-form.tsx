import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LIMITS } from "../../../../../shared/limits.js";
import type { SavedEvidence } from "../../../../../shared/protocol/recordings.js";
import { useStore } from "../../../store/store-context.js";
import { EXPORT_LENGTHS_S, exportRange } from "../model/export-range.js";
import type { MarkedRange } from "../model/marked-range.js";
import { MarkedRangeLabel } from "./marked-range-label.js";
import { TextField } from "../../../components/ui/text-field.js";

/**
 * Exports what the player shows as evidence: every shown camera (up to an export's limit) over the
 * range marked on the timeline, or from the playhead for the length chosen when none is, with the
 * reason the supervisor gives. The backend makes the MP4s
 * and the signed manifest; the console keeps them in a folder and says where.
 */
export function EvidenceExportForm({ cameraIds, atMs, marked, onClose }: { cameraIds: readonly string[]; atMs(): number; marked: MarkedRange; onClose(): void }) {
  const { t } = useTranslation();
  const store = useStore();
  const [lengthS, setLengthS] = useState<number>(EXPORT_LENGTHS_S[1]);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<SavedEvidence | null>(null);

  const submit = async () => {
    if (reason.trim() === "") {
      setError(t("evidence.reasonNeeded"));
      return;
    }
    setBusy(true);
    setError(null);
    const range = marked.kind === "range" ? { from: new Date(marked.fromMs).toISOString(), to: new Date(marked.toMs).toISOString() } : exportRange(atMs(), lengthS);
    const result = await store.client.request({ type: "evidence.export", export: { cameraIds: cameraIds.slice(0, LIMITS.exportCameras), ...range, reason: reason.trim() } });
    setBusy(false);
    if (result.ok) setSaved(result.value);
    else setError(result.error.message);
  };

  return (
    <form
      className="evidence-form"
      data-testid="evidence-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {marked.kind === "range" ? (
        <MarkedRangeLabel fromMs={marked.fromMs} toMs={marked.toMs} testId="evidence-range" />
      ) : (
        <select value={lengthS} onChange={(event) => setLengthS(Number(event.currentTarget.value))} aria-label={t("evidence.length")} data-testid="evidence-length">
          {EXPORT_LENGTHS_S.map((s) => (
            <option key={s} value={s}>
              {t("evidence.fromPlayhead", { count: s })}
            </option>
          ))}
        </select>
      )}
      {marked.kind === "too-long" && (
        <span className="evidence-form__note" data-testid="evidence-too-long">
          {t("evidence.tooLong", { minutes: marked.maxMs / 60_000 })}
        </span>
      )}
      <TextField className="evidence-form__reason" value={reason} onValue={setReason} maxLength={LIMITS.noteChars} label={t("evidence.reason")} data-testid="evidence-reason" />
      <button type="submit" className="btn btn--small" disabled={busy} data-testid="evidence-submit">
        {busy ? t("evidence.exporting") : t("evidence.export")}
      </button>
      <button type="button" className="btn btn--ghost btn--small" onClick={onClose}>
        {t("bookmarks.cancel")}
      </button>
      {error !== null && (
        <span className="evidence-form__error" role="alert" data-testid="evidence-error">
          {error}
        </span>
      )}
      {saved !== null && (
        <div className="evidence-form__saved" data-testid="evidence-saved" data-folder={saved.folder} data-export-id={saved.signed.manifest.exportId}>
          <span>{t("evidence.savedIn", { folder: saved.folder })}</span>
          <ul>
            {saved.signed.manifest.files.map((file) => (
              <li key={file.file} className="tabular">
                {file.file} · {Math.round(file.bytes / 1e5) / 10} MB · SHA-256 {file.sha256}
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
