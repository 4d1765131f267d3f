import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLiveState } from "../../../store/store-context.js";
import { SignInDialog } from "./sign-in-dialog.js";

/**
 * Along the top while a session has ended (the operator's actions stay queued until they sign in
 * again) or while others' queued actions wait for their own sessions.
 */
export function SessionBanner() {
  const { t } = useTranslation();
  const session = useLiveState((s) => s.session);
  const pending = useLiveState((s) => s.status?.pendingActions ?? 0);
  const [signingIn, setSigningIn] = useState(false);
  const ended = session !== null && (session.state === "expired" || session.state === "local");
  if (session === null || (!ended && session.waiting.length === 0)) return null;
  const waitingOthers = session.waiting.filter((w) => w.operatorId !== session.operator?.id);
  return (
    <div className="session-banner" role="alert" data-testid="session-banner" data-state={session.state}>
      {ended && (
        <>
          <span data-testid="session-expired">{t(session.state === "local" ? "session.local" : "session.expired", { name: session.operator?.name ?? "", count: pending })}</span>
          <button type="button" className="btn btn--primary btn--small" data-testid="session-sign-in-again" onClick={() => setSigningIn(true)}>
            {t("session.signInAgain")}
          </button>
        </>
      )}
      {waitingOthers.map((w) => (
        <span key={w.operatorId} data-testid="waiting-others" data-operator-id={w.operatorId}>
          {t("session.waiting", { count: w.count, operator: w.operatorId })}
        </span>
      ))}
      {signingIn && <SignInDialog onClose={() => setSigningIn(false)} {...(session.operator ? { operatorId: session.operator.id } : {})} />}
    </div>
  );
}
