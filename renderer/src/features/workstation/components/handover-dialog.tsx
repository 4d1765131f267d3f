import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Handover, HandoverSummary } from "../../../../../shared/domain/handover.js";
import type { AppError } from "../../../../../shared/result.js";
import { formatCityDateTime } from "../../../../../shared/time.js";
import { useOperator } from "../../../hooks/use-operator.js";
import { useStore } from "../../../store/store-context.js";
import { LIMITS } from "../../../../../shared/limits.js";
import { HandoverSummaryList } from "./handover-summary-list.js";

/**
 * Shift handover. The outgoing operator writes a note (the open items are listed automatically);
 * the incoming operator, once signed in, reads the pending note and acknowledges it. Both steps
 * are recorded in the backend's audit trail. A note that cannot be sent stays in the box.
 */
export function HandoverDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const store = useStore();
  const operator = useOperator();
  const [pending, setPending] = useState<Handover | null>(null);
  const [draft, setDraft] = useState<HandoverSummary | null>(null);
  const [note, setNote] = useState("");
  const [written, setWritten] = useState<Handover | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const locale = i18n.language === "en" ? "en-GB" : "vi-VN";

  useEffect(() => {
    let live = true;
    void store.client.request({ type: "handover.pending" }).then((r) => live && (r.ok ? setPending(r.value) : setError(r.error)));
    void store.client.request({ type: "handover.draft" }).then((r) => live && r.ok && setDraft(r.value));
    return () => {
      live = false;
    };
  }, [store, operator?.id]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    await work();
    setBusy(false);
  };
  const submit = () =>
    run(async () => {
      const r = await store.client.request({ type: "handover.submit", note });
      if (!r.ok) return setError(r.error);
      setWritten(r.value);
      setNote("");
    });
  const acknowledge = (id: string) =>
    run(async () => {
      const r = await store.client.request({ type: "handover.acknowledge", handoverId: id });
      if (!r.ok) return setError(r.error);
      setPending(r.value);
    });

  const incoming = pending !== null && pending.fromOperatorId !== operator?.id;
  return (
    <div className="ws-dialog" role="dialog" aria-modal="true" aria-labelledby="handover-title" data-testid="handover-dialog">
      <div className="ws-dialog__body ws-dialog__body--wide">
        <h2 id="handover-title" className="ws-dialog__title">{t("workstation.handover.title")}</h2>
        {pending !== null && (
          <section className="ws-handover" data-testid="handover-pending" data-handover-id={pending.id} data-acknowledged={pending.acknowledgedBy === null ? "false" : "true"}>
            <h3>{t("workstation.handover.from", { name: pending.fromOperatorName, at: formatCityDateTime(pending.writtenAt, locale) })}</h3>
            <p className="ws-handover__note" data-testid="handover-pending-note">{pending.note}</p>
            <HandoverSummaryList summary={pending.summary} testId="handover-pending-summary" />
            {pending.acknowledgedBy !== null ? (
              <p data-testid="handover-acknowledged">
                {t("workstation.handover.acknowledgedBy", { name: pending.acknowledgedByName ?? pending.acknowledgedBy, at: pending.acknowledgedAt ? formatCityDateTime(pending.acknowledgedAt, locale) : "" })}
              </p>
            ) : incoming ? (
              <button type="button" className="btn btn--primary" data-testid="handover-acknowledge" disabled={busy} onClick={() => void acknowledge(pending.id)}>
                {t("workstation.handover.acknowledge")}
              </button>
            ) : (
              <p>{t("workstation.handover.waitingForIncoming")}</p>
            )}
          </section>
        )}
        <section className="ws-handover">
          <h3>{t("workstation.handover.write")}</h3>
          {draft !== null && <HandoverSummaryList summary={draft} testId="handover-draft-summary" />}
          <label className="ws-field">
            <span>{t("workstation.handover.note")}</span>
            <textarea data-testid="handover-note" rows={4} maxLength={LIMITS.handoverNoteChars} value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          {written !== null && <p data-testid="handover-written">{t("workstation.handover.written", { at: formatCityDateTime(written.writtenAt, locale) })}</p>}
        </section>
        {error !== null && (
          <p className="ws-dialog__error" role="alert" data-testid="handover-error" data-error-kind={error.kind}>
            <strong>{t(`errorKinds.${error.kind}`)}:</strong> {error.message}
          </p>
        )}
        <div className="ws-dialog__actions">
          <button type="button" className="btn btn--ghost" onClick={onClose}>
            {t("workstation.close")}
          </button>
          <button type="button" className="btn btn--primary" data-testid="handover-submit" disabled={busy || note.trim() === ""} onClick={() => void submit()}>
            {t("workstation.handover.submit")}
          </button>
        </div>
      </div>
    </div>
  );
}
