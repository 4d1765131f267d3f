/** What a key pressed on the wall means. Pure, so the keyboard map is tested without a DOM. */
export type WallKeyAction =
  | { type: "select"; tile: number }
  | { type: "toggle-maximize" }
  | { type: "restore" }
  | { type: "clear" }
  | { type: "none" };

export function wallKeyAction(key: string, tileCount: number, modifiers: { ctrl: boolean; alt: boolean; meta: boolean }): WallKeyAction {
  if (modifiers.ctrl || modifiers.alt || modifiers.meta) return { type: "none" };
  // 1–9 pick tiles 1–9, 0 picks tile 10.
  if (/^[0-9]$/.test(key)) {
    const tile = key === "0" ? 9 : Number(key) - 1;
    return tile < tileCount ? { type: "select", tile } : { type: "none" };
  }
  if (key === "Enter") return { type: "toggle-maximize" };
  if (key === "Escape") return { type: "restore" };
  if (key === "Delete") return { type: "clear" };
  return { type: "none" };
}
