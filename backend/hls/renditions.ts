/**
 * The sizes a looped camera is encoded at. A wall tile fetches the smallest one that fills it
 * (hls.js capLevelToPlayerSize), so a 5x5 wall decodes 180p and a maximized tile gets 360p.
 * Pure data; the first rendition is the one encoded first and served for instant replay.
 */

export interface Rendition {
  /** Path segment in the URL: /hls/<camera>/<name>/index.m3u8. */
  name: "180p" | "360p";
  width: number;
  height: number;
  /** Burned-in text size, so the name reads the same at every size. */
  fontSize: number;
}

export const LOOP_RENDITIONS: readonly Rendition[] = [
  { name: "180p", width: 320, height: 180, fontSize: 13 },
  { name: "360p", width: 640, height: 360, fontSize: 26 },
];

export const BASE_RENDITION: Rendition = LOOP_RENDITIONS[0] ?? { name: "180p", width: 320, height: 180, fontSize: 13 };

export function renditionByName(name: string): Rendition | null {
  return LOOP_RENDITIONS.find((r) => r.name === name) ?? null;
}
