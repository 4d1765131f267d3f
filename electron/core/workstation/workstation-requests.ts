import type { Alarm } from "../../../shared/domain/alarm.js";
import { HandoverSchema } from "../../../shared/domain/handover.js";
import type { Incident } from "../../../shared/domain/incident.js";
import type { Operator } from "../../../shared/domain/operator.js";
import type { ConsoleEvent, ConsoleRequest } from "../../../shared/protocol/console-api.js";
import { PendingHandoverSchema, SignInResponseSchema, WORKSTATION_PATHS, type SharedSelection } from "../../../shared/protocol/workstation-api.js";
import { assertNever, err, ok, type Result } from "../../../shared/result.js";
import { applySelectionPatch, EMPTY_SELECTION } from "../../../shared/workstation/apply-selection.js";
import { handoverSummary } from "../../../shared/workstation/handover-summary.js";
import type { SettingsStore } from "../settings/settings-store.js";
import type { BackendClient } from "../sync/backend-client.js";

export type WorkstationRequest = Extract<
  ConsoleRequest,
  { type: "selection.get" | "selection.set" | "workstation.focus" | "operator.sign-in" | "handover.draft" | "handover.submit" | "handover.pending" | "handover.acknowledge" }
>;

export interface WorkstationDeps {
  client: Pick<BackendClient, "send">;
  settings: SettingsStore;
  emit(event: ConsoleEvent): void;
  currentOperator(): Operator;
  /** The console's alarms as the operator sees them (pending actions applied) and incidents. */
  alarms(): Alarm[];
  incidents(): Incident[];
  /** Names this workstation in the backend's audit trail. */
  workstationId: string;
}

/**
 * The workstation part of the console API, held by the core: the selection every window shows
 * (one source of truth, so no window holds state another needs), operator sign-in, shift handover.
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
      case "handover.draft":
        return ok(handoverSummary(this.deps.alarms(), this.deps.incidents()));
      case "handover.submit": {
        const summary = handoverSummary(this.deps.alarms(), this.deps.incidents());
        const body = { operatorId: this.deps.currentOperator().id, note: request.note, summary };
        return this.deps.client.send(WORKSTATION_PATHS.handovers, "POST", body, HandoverSchema);
      }
      case "handover.pending": {
        const pending = await this.deps.client.send(WORKSTATION_PATHS.handoverPending, "GET", undefined, PendingHandoverSchema);
        return pending.ok ? ok(pending.value.handover) : pending;
      }
      case "handover.acknowledge":
        return this.deps.client.send(WORKSTATION_PATHS.handoverAcknowledge(request.handoverId), "POST", { operatorId: this.deps.currentOperator().id }, HandoverSchema);
      default:
        return assertNever(request);
    }
  }

  private async signIn(operatorId: string, password: string): Promise<Result<Operator>> {
    const answer = await this.deps.client.send(WORKSTATION_PATHS.signIn, "POST", { operatorId, password, workstationId: this.deps.workstationId }, SignInResponseSchema);
    if (!answer.ok) {
      if (answer.error.kind === "offline") {
        return err("offline", `Cannot check the password while the backend is unreachable; ${this.deps.currentOperator().name} stays signed in.`);
      }
      return answer;
    }
    const operator = answer.value.operator;
    // Remembered across restarts: the console opens with the operator who last signed in.
    const settings = this.deps.settings.update({ operatorId: operator.id });
    this.deps.emit({ type: "settings", settings });
    this.deps.emit({ type: "operator", operator });
    return ok(operator);
  }
}
