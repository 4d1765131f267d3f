import type { Alarm } from "../../../shared/domain/alarm.js";
import { HandoverSchema } from "../../../shared/domain/handover.js";
import type { Incident } from "../../../shared/domain/incident.js";
import type { Operator } from "../../../shared/domain/operator.js";
import type { ConsoleEvent, ConsoleRequest } from "../../../shared/protocol/console-api.js";
import { PendingHandoverSchema, WORKSTATION_PATHS, type SharedSelection } from "../../../shared/protocol/workstation-api.js";
import {
  ChangePasswordResponseSchema,
  RevokeResponseSchema,
  SESSION_PATHS,
  SessionListSchema,
  SignOutResponseSchema,
  type ConsoleSession,
} from "../../../shared/protocol/session.js";
import type { SessionKeeper } from "../session/session-keeper.js";
import { checkOfflineVerifier, makeOfflineVerifier, type OfflineVerifier } from "../session/offline-verifier.js";
import { assertNever, err, ok, type Result } from "../../../shared/result.js";
import { applySelectionPatch, EMPTY_SELECTION } from "../../../shared/workstation/apply-selection.js";
import { handoverSummary } from "../../../shared/workstation/handover-summary.js";
import type { SettingsStore } from "../settings/settings-store.js";
import type { BackendClient } from "../sync/backend-client.js";

export type WorkstationRequest = Extract<
  ConsoleRequest,
  {
    type:
      | "selection.get"
      | "selection.set"
      | "workstation.focus"
      | "operator.sign-in"
      | "operator.sign-out"
      | "operator.change-password"
      | "sessions.list"
      | "sessions.revoke"
      | "handover.draft"
      | "handover.submit"
      | "handover.pending"
      | "handover.acknowledge";
  }
>;

export interface WorkstationDeps {
  client: Pick<BackendClient, "send" | "signIn">;
  session: SessionKeeper;
  settings: SettingsStore;
  emit(event: ConsoleEvent): void;
  /** The workstation's session as the renderers see it. */
  sessionView(): ConsoleSession;
  /** The console's alarms as the operator sees them (pending actions applied) and incidents. */
  alarms(): Alarm[];
  incidents(): Incident[];
  /** Names this workstation in the backend's audit trail. */
  workstationId: string;
  /** Where each operator's offline verifier is kept (see offline-verifier.ts); absent: no offline sign-in. */
  verifiers?: { get(operatorId: string): OfflineVerifier | null; set(verifier: OfflineVerifier): void };
}

/**
 * The workstation part of the console API, held by the core: the selection every window shows
 * (one source of truth, so no window holds state another needs), operator sessions, shift handover.
 */
export class WorkstationRequests {
  private selection: SharedSelection = EMPTY_SELECTION;

  constructor(private readonly deps: WorkstationDeps) {}

  getSelection(): SharedSelection {
    return this.selection;
  }

  async handle(request: WorkstationRequest): Promise<Result<unknown>> {
    switch (request.type) {
      case "selection.get":
        return ok(this.selection);
      case "selection.set": {
        const next = applySelectionPatch(this.selection, request.patch);
        if (next !== this.selection) {
          this.selection = next;
          this.deps.emit({ type: "selection", selection: next });
        }
        return ok(next);
      }
      case "workstation.focus":
        // The Electron shell and every browser window listen; the window with that role comes forward.
        this.deps.emit({ type: "workstation.focus", role: request.role });
        return ok({ role: request.role });
      case "operator.sign-in":
        return this.signIn(request.operatorId, request.password);
      case "operator.sign-out":
        return this.signOut();
      case "operator.change-password": {
        const body = { currentPassword: request.currentPassword, newPassword: request.newPassword };
        const changed = await this.deps.client.send(SESSION_PATHS.password, "POST", body, ChangePasswordResponseSchema);
        if (!changed.ok) return changed;
        this.deps.session.passwordChanged();
        return ok(this.deps.sessionView());
      }
      case "sessions.list": {
        const listed = await this.deps.client.send(SESSION_PATHS.sessions, "GET", undefined, SessionListSchema);
        return listed.ok ? ok(listed.value.sessions) : listed;
      }
      case "sessions.revoke":
        return this.deps.client.send(SESSION_PATHS.revoke(request.sessionId), "POST", {}, RevokeResponseSchema);
      case "handover.draft":
        return ok(handoverSummary(this.deps.alarms(), this.deps.incidents()));
      case "handover.submit": {
        const summary = handoverSummary(this.deps.alarms(), this.deps.incidents());
        return this.deps.client.send(WORKSTATION_PATHS.handovers, "POST", { note: request.note, summary }, HandoverSchema);
      }
      case "handover.pending": {
        const pending = await this.deps.client.send(WORKSTATION_PATHS.handoverPending, "GET", undefined, PendingHandoverSchema);
        return pending.ok ? ok(pending.value.handover) : pending;
      }
      case "handover.acknowledge":
        return this.deps.client.send(WORKSTATION_PATHS.handoverAcknowledge(request.handoverId), "POST", {}, HandoverSchema);
      default:
        return assertNever(request);
    }
  }

  /**
   * Signs an operator in at this workstation. The backend ends the previous operator's session
   * here; their queued actions stay, shown as waiting, until they sign in again.
   */
  async signIn(operatorId: string, password: string): Promise<Result<Operator>> {
    const answer = await this.deps.client.signIn({ operatorId, password, workstationId: this.deps.workstationId });
    if (!answer.ok) return answer.error.kind === "offline" ? this.signInLocally(operatorId, password, answer.error.message) : answer;
    const { operator, session } = answer.value;
    this.deps.session.signedIn(operator, session);
    if (this.deps.verifiers !== undefined) this.deps.verifiers.set(await makeOfflineVerifier(operator, password));
    // Remembered across restarts to fill in the sign-in form; the session itself is not.
    const settings = this.deps.settings.update({ operatorId: operator.id });
    this.deps.emit({ type: "settings", settings });
    this.deps.emit({ type: "operator", operator });
    return ok(operator);
  }

  /** The backend cannot be reached: the password this console last saw accepted opens its cache, and nothing is sent. */
  private async signInLocally(operatorId: string, password: string, why: string): Promise<Result<Operator>> {
    const verifier = this.deps.verifiers?.get(operatorId) ?? null;
    if (verifier === null || !(await checkOfflineVerifier(verifier, password))) {
      return err("offline", `${why} This console cannot check that password by itself: only an operator who signed in here before can sign in while the backend cannot be reached.`);
    }
    this.deps.session.signedInLocally(verifier.operator);
    this.deps.emit({ type: "operator", operator: verifier.operator });
    return ok(verifier.operator);
  }

  private async signOut(): Promise<Result<ConsoleSession>> {
    if (this.deps.session.authorization() !== null) {
      // Ended on the backend too; when it cannot be reached, the session still ends here and expires there.
      await this.deps.client.send(SESSION_PATHS.signOut, "POST", {}, SignOutResponseSchema);
    }
    this.deps.session.signedOut();
    return ok(this.deps.sessionView());
  }
}
