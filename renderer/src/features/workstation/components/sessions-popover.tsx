import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SessionInfo } from "../../../../../shared/protocol/session.js";
import type { AppError } from "../../../../../shared/result.js";
import { Popover } from "../../../components/ui/popover.js";
import { useStore } from "../../../store/store-context.js";

/** A supervisor's list of live sessions on the backend, each of which they can end. */
export function SessionsPopover({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const store = useStore();
  const [sessions, setSessions] = useState<SessionInfo[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    void store.client.request({ type: "sessions.list" }).then((result) => {
      if (!live) return;
      if (result.ok) setSessions(result.value);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [store, version]);

  const revoke = async (id: string) => {
    const result = await store.client.request({ type: "sessions.revoke", sessionId: id });
    if (!result.ok) setError(result.error);
    setVersion((v) => v + 1);
  };
  const time = (iso: string) => new Date(iso).toLocaleTimeString(i18n.language === "vi" ? "vi-VN" : "en-GB", { timeZone: "Asia/Ho_Chi_Minh" });

  return (
    <Popover testId="sessions-popover" title={t("session.list")} onClose={onClose}>
      {error !== null && (
        <p className="ws-dialog__error" role="alert">
          <strong>{t(`errorKinds.${error.kind}`)}:</strong> {error.message}
        </p>
      )}
      {sessions === null ? null : (
        <table className="sessions-table">
          <thead>
            <tr>
              <th>{t("session.operator")}</th>
              <th>{t("session.workstation")}</th>
              <th>{t("session.since")}</th>
              <th>{t("session.lastSeen")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id} data-testid="session-row" data-operator-id={s.operatorId}>
                <td>{s.operatorId}</td>
                <td>{s.workstationId}</td>
                <td>{time(s.createdAt)}</td>
                <td>{time(s.lastSeenAt)}</td>
                <td>
                  <button type="button" className="btn btn--ghost btn--small" data-testid="session-revoke" onClick={() => void revoke(s.id)}>
                    {t("session.revoke")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Popover>
  );
}
