import { useEffect, useState } from "react";

/**
 * True once `font` can draw `text`. Loading with the text matters: the browser then
 * fetches the unicode-range subsets (Vietnamese, Latin) those characters need.
 */
export function useFontReady(font: string, text: string): boolean {
  const [readyFor, setReadyFor] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    const done = () => {
      if (!cancelled) setReadyFor(text);
    };
    if (typeof document === "undefined" || !("fonts" in document)) {
      done();
      return;
    }
    document.fonts.load(font, text).then(done, done);
    return () => {
      cancelled = true;
    };
  }, [font, text]);
  // Once ready for some text, stay ready: a new ward name only adds a glyph or two.
  return readyFor !== null;
}
