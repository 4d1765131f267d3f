import { useSyncExternalStore } from "react";
import type { SharedSelection } from "../../../shared/protocol/workstation-api.js";
import type { ConsoleClient } from "../api/console-client.js";
import { reconcileSelection, type Selection } from "./selection-reconcile.js";

export type { Selection } from "./selection-reconcile.js";

/**
 * What the operator is working on, shared by every pane and, through the console core, by every
 * window of the workstation: the core holds the selection (selection.set / the "selection" event),
 * this module mirrors it. Panes read it with the hooks below and change it only through the setters.
 *
 * - alarmId: the alarm selected in the queue or on the map.
 * - wardCode: the ward the operator filtered to (click on a ward); null = whole city.
 * - cameraRequest: a camera the operator asked to see (click on the map, "show on wall"),
 *   with a counter so asking for the same camera twice is still a new request.
 *
 * Alarm and ward changes show at once in this window (keyboard navigation must not wait for a
 * round trip); the core's answer then wins. Without a core (link down), selection stays local.
 */
let selection: Selection = { alarmId: null, wardCode: null, cameraRequest: null };
const listeners = new Set<() => void>();
let localNonce = 0;

let core: ConsoleClient | null = null;
/** Newest core version seen; older echoes are ignored. */
let coreVersion = -1;
/** Our own selection.set requests not answered yet: core news waits until they are, so the view does not flicker back. */
let inFlight = 0;
let heldBack: SharedSelection | null = null;

function update(patch: Partial<Selection>): void {
  const next = { ...selection, ...patch };
  if (next.alarmId === selection.alarmId && next.wardCode === selection.wardCode && next.cameraRequest === selection.cameraRequest) return;
  selection = next;
  for (const listener of [...listeners]) listener();
}

function fromCore(shared: SharedSelection, force = false): void {
  if (!force && shared.version < coreVersion) return;
  coreVersion = shared.version;
  if (inFlight > 0 && !force) {
    heldBack = shared;
    return;
  }
  heldBack = null;
  update(reconcileSelection(selection, shared));
}

function send(patch: { alarmId?: string | null; wardCode?: string | null; cameraId?: string }): void {
  const client = core;
  if (client === null) return;
  inFlight += 1;
  void client.request({ type: "selection.set", patch }).then((result) => {
    inFlight -= 1;
    if (result.ok && result.value.version > coreVersion) heldBack = result.value;
    if (inFlight === 0 && heldBack !== null) fromCore(heldBack, true);
  });
}

export function selectAlarm(id: string | null): void {
  update({ alarmId: id });
  send({ alarmId: id });
}

export function selectWard(code: string | null): void {
  update({ wardCode: code });
  send({ wardCode: code });
}

export function requestCamera(cameraId: string): void {
  // With a core, the core numbers the request so every window sees the same one, once.
  if (core !== null) send({ cameraId });
  else update({ cameraRequest: { cameraId, nonce: ++localNonce } });
}

export function clearSelection(): void {
  selectAlarm(null);
  selectWard(null);
}

/**
 * Makes the core the source of truth: follows its "selection" events and, whenever the link
 * (re)opens, reads its selection. A core that restarted empty is given this window's selection.
 */
export function bindSelectionToCore(client: ConsoleClient): () => void {
  core = client;
  const offEvent = client.onEvent((event) => {
    if (event.type === "selection") fromCore(event.selection);
  });
  const sync = () => {
    void client.request({ type: "selection.get" }).then((result) => {
      if (!result.ok) return;
      const empty = result.value.alarmId === null && result.value.wardCode === null;
      if (result.value.version === 0 && empty && (selection.alarmId !== null || selection.wardCode !== null)) {
        send({ alarmId: selection.alarmId, wardCode: selection.wardCode });
        return;
      }
      fromCore(result.value, true);
    });
  };
  const offLink = client.onConnection ? client.onConnection((link) => link === "open" && sync()) : (sync(), () => undefined);
  return () => {
    offEvent();
    offLink();
    if (core === client) core = null;
  };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function getSelection(): Selection {
  return selection;
}

export function useSelectedAlarmId(): string | null {
  return useSyncExternalStore(subscribe, () => selection.alarmId);
}

export function useSelectedWardCode(): string | null {
  return useSyncExternalStore(subscribe, () => selection.wardCode);
}

export function useCameraRequest(): Selection["cameraRequest"] {
  return useSyncExternalStore(subscribe, () => selection.cameraRequest);
}
