import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { DisplayRole } from "../../../../../shared/domain/workstation.js";
import { useOperator } from "../../../hooks/use-operator.js";
import { useSelectedAlarmId } from "../../../store/selection.js";
import { useLiveState, useStore } from "../../../store/store-context.js";
import { SessionsPopover } from "./sessions-popover.js";
import { HandoverDialog } from "./handover-dialog.js";
import { popOut } from "../platform/pop-out.js";
import { SignInDialog } from "./sign-in-dialog.js";
import { ROLES } from "../model/window-role.js";

/**
 * The strip along the top of every workstation window: which role it plays and whether it has
 * the keyboard, what is selected (the same in every window), pop-out, operator and handover.
 */
export function WorkstationBar({ role, hasKeyboard }: { role: DisplayRole; hasKeyboard: boolean }) {
  const { t } = useTranslation();
  const operator = useOperator();
  const selectedId = useSelectedAlarmId();
  const selected = useLiveState((s) => (selectedId === null ? null : (s.alarms.get(selectedId) ?? null)));
  const [dialog, setDialog] = useState<"sign-in" | "handover" | "sessions" | null>(null);
  const store = useStore();
  const demo = useLiveState((s) => s.session?.demo ?? false);

  return (
    <header className="ws-bar" data-testid="workstation-bar">
      <span className="ws-bar__role" data-testid="window-role" data-role={role}>
        {t(`workstation.roles.${role}`)}
      </span>
      <span className="ws-bar__keyboard" data-testid="keyboard-indicator" data-has-keyboard={hasKeyboard ? "true" : "false"}>
        {hasKeyboard ? `⌨ ${t("workstation.hasKeyboard")}` : ""}
      </span>
      <span className="ws-bar__selection" data-testid="selection-indicator" data-alarm-id={selectedId ?? ""}>
        {selectedId === null ? (
          t("workstation.nothingSelected")
        ) : (
          <>
            {t("workstation.selected")}:{" "}
            <strong>{selected === null ? selectedId : `${t(`priorities.${selected.priority}`)} · ${selected.place}`}</strong>
            <button type="button" className="btn btn--ghost btn--small" data-testid="clear-selection" title="Alt+X" onClick={store.clearSelection}>
              {t("workstation.clear")}
            </button>
          </>
        )}
      </span>
      <nav className="ws-bar__popouts" aria-label={t("workstation.popOut")}>
        {ROLES.filter((r) => r !== role).map((r) => (
          <button key={r} type="button" className="btn btn--ghost btn--small" data-testid={`pop-out-${r}`} title={`Alt+${ROLES.indexOf(r) + 1}`} onClick={() => void popOut(r)}>
            ⧉ {t(`workstation.roles.${r}`)}
          </button>
        ))}
      </nav>
      <span className="ws-bar__operator">
        <span data-testid="ws-operator" data-role={operator?.role ?? ""}>
          {operator === null ? "" : `${operator.name} (${t(`workstation.operatorRoles.${operator.role}`)})`}
        </span>
        <button type="button" className="btn btn--ghost btn--small" data-testid="sign-in-button" onClick={() => setDialog("sign-in")}>
          {t("workstation.signIn.open")}
        </button>
        <button type="button" className="btn btn--ghost btn--small" data-testid="handover-button" onClick={() => setDialog("handover")}>
          {t("workstation.handover.open")}
        </button>
        {operator?.role === "supervisor" && (
          <button type="button" className="btn btn--ghost btn--small" data-testid="sessions-button" onClick={() => setDialog("sessions")}>
            {t("session.list")}
          </button>
        )}
        {operator !== null && (
          <button type="button" className="btn btn--ghost btn--small" data-testid="sign-out-button" onClick={() => void store.client.request({ type: "operator.sign-out" })}>
            {t("session.signOut")}
          </button>
        )}
        {demo && (
          <span className="ws-bar__demo" data-testid="demo-badge" title={t("session.demo")}>
            {t("session.demoBadge")}
          </span>
        )}
      </span>
      {dialog === "sign-in" && <SignInDialog onClose={() => setDialog(null)} />}
      {dialog === "handover" && <HandoverDialog onClose={() => setDialog(null)} />}
      {dialog === "sessions" && <SessionsPopover onClose={() => setDialog(null)} />}
    </header>
  );
}
