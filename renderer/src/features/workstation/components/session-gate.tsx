import { useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LIMITS } from "../../../../../shared/limits.js";
import type { ConsoleSession } from "../../../../../shared/protocol/session.js";
import type { AppError } from "../../../../../shared/result.js";
import { useLiveState, useStore } from "../../../store/store-context.js";
import { SignInForm } from "./sign-in-dialog.js";

/** The demo city's warning: its passwords are in the README. */
export function DemoNotice() {
  const { t } = useTranslation();
  return (
    <p className="session-gate__demo" role="note" data-testid="demo-notice">
      {t("session.demo")}
    </p>
  );
}

function WaitingActions({ waiting }: { waiting: ConsoleSession["waiting"] }) {
  const { t } = useTranslation();
  if (waiting.length === 0) return null;
  return (
    <ul className="session-gate__waiting" data-testid="waiting-actions">
      {waiting.map((w) => (
        <li key={w.operatorId} data-operator-id={w.operatorId}>
          {t("session.waiting", { count: w.count, operator: w.operatorId })}
        </li>
      ))}
    </ul>
  );
}

function ChangePasswordForm() {
  const { t } = useTranslation();
  const store = useStore();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [again, setAgain] = useState("");
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (next !== again) {
      setError({ kind: "invalid_request", message: t("session.passwordsDiffer") });
      return;
    }
    setBusy(true);
    const result = await store.client.request({ type: "operator.change-password", currentPassword: current, newPassword: next });
    setBusy(false);
    if (!result.ok) setError(result.error);
  };
  return (
    <form className="ws-dialog__body" onSubmit={(e) => void submit(e)} data-testid="change-password">
      <h2 className="ws-dialog__title">{t("session.changePassword")}</h2>
      <p>{t("session.oneTimePassword")}</p>
      <label className="ws-field">
        <span>{t("session.currentPassword")}</span>
        <input type="password" autoComplete="current-password" maxLength={LIMITS.passwordChars} value={current} onChange={(e) => setCurrent(e.target.value)} required />
      </label>
      <label className="ws-field">
        <span>{t("session.newPassword")}</span>
        <input type="password" autoComplete="new-password" minLength={12} maxLength={LIMITS.passwordChars} value={next} onChange={(e) => setNext(e.target.value)} required />
      </label>
      <label className="ws-field">
        <span>{t("session.newPasswordAgain")}</span>
        <input type="password" autoComplete="new-password" minLength={12} maxLength={LIMITS.passwordChars} value={again} onChange={(e) => setAgain(e.target.value)} required />
      </label>
      {error !== null && (
        <p className="ws-dialog__error" role="alert" data-error-kind={error.kind}>
          <strong>{t(`errorKinds.${error.kind}`)}:</strong> {error.message}
        </p>
      )}
      <div className="ws-dialog__actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {t("session.savePassword")}
        </button>
      </div>
    </form>
  );
}

/**
 * Nothing of the city shows until an operator signs in: a signed-out workstation shows the
 * sign-in form (and whose queued actions wait); a one-time password must be replaced first.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const session = useLiveState((s) => s.session);
  const { t } = useTranslation();
  if (session === null || (session.state !== "signed_out" && !session.mustChangePassword)) return <>{children}</>;
  return (
    <main className="session-gate" data-testid="session-gate" data-state={session.state}>
      <div className="session-gate__panel">
        <h1 className="session-gate__title">{t("session.title")}</h1>
        {session.demo && <DemoNotice />}
        {session.mustChangePassword ? <ChangePasswordForm /> : <SignInForm />}
        <WaitingActions waiting={session.waiting} />
      </div>
    </main>
  );
}
