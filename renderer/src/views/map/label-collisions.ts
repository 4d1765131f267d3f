export interface LabelBox {
  key: string;
  /** Centre of the label on screen, in pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Rough width of a label: deck.gl has no layout API, and ward names are short. */
export function estimateLabelBox(key: string, text: string, x: number, y: number, sizePx: number): LabelBox {
  return { key, x, y, width: text.length * sizePx * 0.6 + 6, height: sizePx * 1.4 };
}

function overlaps(a: LabelBox, b: LabelBox, gap: number): boolean {
  return Math.abs(a.x - b.x) * 2 < a.width + b.width + gap * 2 && Math.abs(a.y - b.y) * 2 < a.height + b.height + gap * 2;
}

/**
 * Which labels to draw: greedily, in the order given (most important first), skipping any
 * that would overlap one already placed. Overlapping names are unreadable on a wall screen.
 */
export function placeLabels(boxes: readonly LabelBox[], gap = 4): Set<string> {
  const placed: LabelBox[] = [];
  for (const box of boxes) {
    if (placed.every((other) => !overlaps(box, other, gap))) placed.push(box);
  }
  return new Set(placed.map((box) => box.key));
}
