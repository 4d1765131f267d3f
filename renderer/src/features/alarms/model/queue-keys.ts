export type QueueKeyAction =
  | { kind: "move"; by: number }
  | { kind: "jump"; to: "first" | "last" }
  | { kind: "acknowledge" }
  /** Space: tick or untick the selected alarm for a bulk acknowledgement. */
  | { kind: "toggle" }
  /** O: open the selected alarm's details (focus moves there). */
  | { kind: "open" }
  /** Escape: untick everything. */
  | { kind: "clear" };

interface KeyLike {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

const PAGE = 8;

/** What a key press means in the alarm queue; null when the queue should leave it alone. */
export function queueKeyAction(event: KeyLike): QueueKeyAction | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  switch (event.key) {
    case "ArrowDown":
      return { kind: "move", by: 1 };
    case "ArrowUp":
      return { kind: "move", by: -1 };
    case "PageDown":
      return { kind: "move", by: PAGE };
    case "PageUp":
      return { kind: "move", by: -PAGE };
    case "Home":
      return { kind: "jump", to: "first" };
    case "End":
      return { kind: "jump", to: "last" };
    case "Enter":
    case "a":
    case "A":
      return { kind: "acknowledge" };
    case " ":
      return { kind: "toggle" };
    case "o":
    case "O":
      return { kind: "open" };
    case "Escape":
      return { kind: "clear" };
    default:
      return null;
  }
}
