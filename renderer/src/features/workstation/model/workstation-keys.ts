import type { DisplayRole } from "../../../../../shared/domain/workstation.js";
import { ROLES } from "./window-role.js";

export type WorkstationKeyAction = { kind: "focus"; role: DisplayRole } | { kind: "acknowledge" } | { kind: "clear" };

interface KeyLike {
  key: string;
  code?: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/**
 * Workstation shortcuts, the same in every window: Alt+1..5 bring the map, wall, queue, combined or dashboards
 * window forward; Alt+A acknowledges the selected alarm; Alt+X clears the selection. Alt keeps
 * them apart from the queue's own keys and from typing in a text box.
 */
export function workstationKeyAction(event: KeyLike): WorkstationKeyAction | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  // `code` survives keyboard layouts (Vietnamese Telex input changes `key`, not `code`).
  const digit = /^Digit([1-5])$/.exec(event.code ?? "")?.[1] ?? (/^[1-5]$/.test(event.key) ? event.key : null);
  if (digit !== null) return { kind: "focus", role: ROLES[Number(digit) - 1]! };
  if (event.code === "KeyA" || event.key.toLowerCase() === "a") return { kind: "acknowledge" };
  if (event.code === "KeyX" || event.key.toLowerCase() === "x") return { kind: "clear" };
  return null;
}
