import { useEffect, useState } from "react";

/**
 * The current time, re-rendering on each tick of `resolutionMs` aligned to the wall clock
 * (so a seconds display ticks evenly and a minute display turns over on the minute).
 */
export function useClock(resolutionMs = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const untilNextTick = () => resolutionMs - (Date.now() % resolutionMs) + 5;
    const tick = () => {
      setNow(new Date());
      timer = setTimeout(tick, untilNextTick());
    };
    timer = setTimeout(tick, untilNextTick());
    return () => clearTimeout(timer);
  }, [resolutionMs]);
  return now;
}
