import { useEffect, useState, type RefObject } from "react";

/** The element's height in CSS pixels, followed as it changes (a wall's layout changed); 0 until measured. */
export function useElementHeight(ref: RefObject<Element | null>): number {
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (element === null || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver((entries) => {
      const last = entries[entries.length - 1];
      if (last !== undefined) setHeight(Math.round(last.contentRect.height));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return height;
}
