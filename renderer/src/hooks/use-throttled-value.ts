import { useEffect, useRef, useState } from "react";

/**
 * The value, passed on at most once per `intervalMs`: the first change at once, the latest one
 * at the end of the interval. For views that rebuild a lot from a value that can change every
 * frame (the map's alarm layer during a flood), where a second of delay costs nothing.
 */
export function useThrottledValue<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const lastShownAt = useRef(0);
  const latest = useRef(value);
  latest.current = value;

  useEffect(() => {
    if (Object.is(value, shown)) return;
    const wait = lastShownAt.current + intervalMs - performance.now();
    if (wait <= 0) {
      lastShownAt.current = performance.now();
      setShown(value);
      return;
    }
    const timer = setTimeout(() => {
      lastShownAt.current = performance.now();
      setShown(latest.current);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, shown, intervalMs]);

  return shown;
}
