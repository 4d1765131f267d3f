import type { SharedSelection } from "../../../shared/protocol/workstation-api.js";
import type { ConsoleClient } from "../api/console-client.js";
import { reconcileSelection, type Selection } from "./selection-reconcile.js";

export type { Selection } from "./selection-reconcile.js";

export const NO_SELECTION: Selection = { alarmId: null, wardCode: null, cameraRequest: null };

export interface SelectionPatch {
  alarmId?: string | null;
  wardCode?: string | null;
}

/**
 * What the operator is working on, shared by every window of the workstation: the core holds it
 * (selection.set / the "selection" event); the live store keeps this window's copy in its state
 * and this class keeps the two in step.
 *
 * Alarm and ward changes show at once in this window (keyboard navigation must not wait for a
 * round trip); the core's answer then wins. Without a core (link down), the selection stays local.
 */
export class SelectionSync {
  /** Newest core version seen; older echoes are ignored. */
  private coreVersion = -1;
  /** Our own selection.set requests not answered yet: core news waits until they are, so the view does not flicker back. */
  private inFlight = 0;
  private heldBack: SharedSelection | null = null;
  private localNonce = 0;
  private linked = false;

  constructor(
    private readonly client: ConsoleClient,
    private readonly get: () => Selection,
    private readonly set: (selection: Selection) => void,
  ) {}

  select(patch: SelectionPatch): void {
    this.update(patch);
    this.send(patch);
  }

  requestCamera(cameraId: string): void {
    // With a core, the core numbers the request so every window sees the same one, once.
    if (this.linked) this.send({ cameraId });
    else this.update({ cameraRequest: { cameraId, nonce: ++this.localNonce } });
  }

  /** The core's "selection" event. */
  fromCore(shared: SharedSelection, force = false): void {
    if (!force && shared.version < this.coreVersion) return;
    this.coreVersion = shared.version;
    if (this.inFlight > 0 && !force) {
      this.heldBack = shared;
      return;
    }
    this.heldBack = null;
    const current = this.get();
    const next = reconcileSelection(current, shared);
    if (next !== current) this.set(next);
  }

  /** The link to the core opened: read its selection; a core that restarted empty is given this window's. */
  linkOpened(): void {
    this.linked = true;
    void this.client.request({ type: "selection.get" }).then((result) => {
      if (!result.ok) return;
      const current = this.get();
      const coreEmpty = result.value.alarmId === null && result.value.wardCode === null;
      if (result.value.version === 0 && coreEmpty && (current.alarmId !== null || current.wardCode !== null)) {
        this.send({ alarmId: current.alarmId, wardCode: current.wardCode });
        return;
      }
      this.fromCore(result.value, true);
    });
  }

  linkClosed(): void {
    this.linked = false;
  }

  private update(patch: Partial<Selection>): void {
    const current = this.get();
    const next = { ...current, ...patch };
    if (next.alarmId === current.alarmId && next.wardCode === current.wardCode && next.cameraRequest === current.cameraRequest) return;
    this.set(next);
  }

  private send(patch: SelectionPatch & { cameraId?: string }): void {
    if (!this.linked) return;
    this.inFlight += 1;
    void this.client.request({ type: "selection.set", patch }).then((result) => {
      this.inFlight -= 1;
      if (result.ok && result.value.version > this.coreVersion) this.heldBack = result.value;
      if (this.inFlight === 0 && this.heldBack !== null) this.fromCore(this.heldBack, true);
    });
  }
}
