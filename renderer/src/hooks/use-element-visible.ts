import { useEffect, useState, type RefObject } from "react";

/**
 * Whether any part of the element is on screen (not scrolled away, not in a collapsed or hidden
 * pane: those have no box and never intersect). Starts true so a tile that is visible from the
 * first frame does not wait for the observer's first report to start loading.
 */
export function useElementVisible(ref: RefObject<Element | null>): boolean {
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    const element = ref.current;
    if (element === null || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1];
      if (last !== undefined) setVisible(last.isIntersecting);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return visible;
}
