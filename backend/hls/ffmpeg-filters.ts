/**
 * Building ffmpeg filter graphs from values that may contain special characters
 * (Windows paths, camera names with ':' or ','). Pure.
 */

/**
 * ffmpeg's two escaping levels (see "Notes on filtergraph escaping" in ffmpeg-filters):
 * first the filter option value (\ ' :), then the filtergraph description (\ ' [ ] , ;).
 */
export function escapeFilterValue(value: string): string {
  const optionLevel = value.replace(/[\\':]/g, (c) => `\\${c}`);
  return optionLevel.replace(/[\\'[\],;]/g, (c) => `\\${c}`);
}

export const VIDEO_WIDTH = 320;
export const VIDEO_HEIGHT = 180;
export const FRAME_RATE = 25;

/** Cheap lavfi sources that exist in both the system ffmpeg and the static ffmpeg 4.1. */
const LOOP_SOURCES = ["testsrc2", "testsrc", "smptehdbars", "cellauto", "rgbtestsrc", "life", "mandelbrot"] as const;

/** A different picture per camera, so a wall of them is easy to tell apart. */
export function loopSourceFor(cameraIndex: number, width = VIDEO_WIDTH, height = VIDEO_HEIGHT): { source: string; hue: number } {
  const name = LOOP_SOURCES[cameraIndex % LOOP_SOURCES.length] ?? "testsrc2";
  return { source: `${name}=size=${width}x${height}:rate=${FRAME_RATE}`, hue: (cameraIndex * 47) % 360 };
}

interface DrawTextOptions {
  fontPath: string;
  text: string;
  /** Expand %{...} sequences (the clock); off for names, which may contain '%'. */
  expand: boolean;
  x: string;
  y: string;
  fontSize: number;
}

export function drawText(options: DrawTextOptions): string {
  return [
    `drawtext=fontfile=${escapeFilterValue(options.fontPath)}`,
    `text=${escapeFilterValue(options.text)}`,
    `expansion=${options.expand ? "normal" : "none"}`,
    `fontsize=${options.fontSize}`,
    "fontcolor=white",
    "box=1",
    "boxcolor=black@0.6",
    "boxborderw=4",
    `x=${options.x}`,
    `y=${options.y}`,
  ].join(":");
}

/** The camera's id and name along the bottom edge. */
export function nameOverlay(fontPath: string, cameraId: string, cameraName: string, fontSize = 13): string {
  return drawText({ fontPath, text: `${cameraId.toUpperCase()} · ${cameraName}`, expand: false, x: "8", y: "h-th-10", fontSize });
}

/** The wall clock (in the ffmpeg process's TZ) in the top-right corner: proof the picture is live. */
export function clockOverlay(fontPath: string): string {
  // %X is HH:MM:SS; spelling the colons out would need a third level of escaping.
  return drawText({ fontPath, text: "%{localtime:%d/%m/%Y %X}", expand: true, x: "w-tw-8", y: "8", fontSize: 13 });
}
