import { useTranslation } from "react-i18next";
import type { AppError } from "../../../../../shared/result.js";

/** Why the core refused an action, in the operator's words first and the core's message after. */
export function RefusalMessage({ error, onDismiss }: { error: AppError; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="refusal" role="alert" data-testid="alarm-error" data-error-kind={error.kind}>
      <span className="refusal__icon" aria-hidden="true">
        ✕
      </span>
      <span className="refusal__text">
        <strong>{t(`errorKinds.${error.kind}`)}:</strong> {error.message}
      </span>
      <button
        type="button"
        className="refusal__dismiss"
        aria-label={t("alarms.dismiss")}
        onMouseDown={(event) => event.stopPropagation()}
        onClick={onDismiss}
      >
        ×
      </button>
    </div>
  );
}
