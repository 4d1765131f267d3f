import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { LIMITS } from "../../../../../shared/limits.js";
import type { AppError } from "../../../../../shared/result.js";
import { useLiveState, useStore } from "../../../store/store-context.js";

/** The sign-in fields and their error; the backend checks the password and answers with a session. */
export function SignInForm({ onSignedIn, onCancel, operatorId: suggested }: { onSignedIn?: () => void; onCancel?: () => void; operatorId?: string }) {
  const { t } = useTranslation();
  const store = useStore();
  const lastOperator = useLiveState((s) => s.settings?.operatorId ?? "");
  const [operatorId, setOperatorId] = useState(suggested ?? lastOperator);
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await store.client.request({ type: "operator.sign-in", operatorId: operatorId.trim(), password });
    setBusy(false);
    setPassword("");
    if (result.ok) onSignedIn?.();
    else setError(result.error);
  };

  return (
    <form className="ws-dialog__body" onSubmit={(e) => void submit(e)}>
      <h2 id="sign-in-title" className="ws-dialog__title">
        {t("workstation.signIn.title")}
      </h2>
      <label className="ws-field">
        <span>{t("workstation.signIn.operatorId")}</span>
        <input
          data-testid="sign-in-operator"
          autoFocus
          autoComplete="username"
          maxLength={LIMITS.idChars}
          value={operatorId}
          onChange={(e) => setOperatorId(e.target.value)}
          required
        />
      </label>
      <label className="ws-field">
        <span>{t("workstation.signIn.password")}</span>
        <input
          data-testid="sign-in-password"
          type="password"
          autoComplete="current-password"
          maxLength={LIMITS.passwordChars}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </label>
      {error !== null && (
        <p className="ws-dialog__error" role="alert" data-testid="sign-in-error" data-error-kind={error.kind}>
          <strong>{t(`errorKinds.${error.kind}`)}:</strong> {error.message}
        </p>
      )}
      <div className="ws-dialog__actions">
        {onCancel !== undefined && (
          <button type="button" className="btn btn--ghost" onClick={onCancel}>
            {t("workstation.cancel")}
          </button>
        )}
        <button type="submit" className="btn btn--primary" data-testid="sign-in-submit" disabled={busy}>
          {t("workstation.signIn.submit")}
        </button>
      </div>
    </form>
  );
}

/** Operator sign-in over the console (another operator taking the desk, or a session that ended). */
export function SignInDialog({ onClose, operatorId }: { onClose: () => void; operatorId?: string }) {
  return (
    <div className="ws-dialog" role="dialog" aria-modal="true" aria-labelledby="sign-in-title" data-testid="sign-in-dialog">
      <SignInForm onSignedIn={onClose} onCancel={onClose} {...(operatorId === undefined ? {} : { operatorId })} />
    </div>
  );
}
