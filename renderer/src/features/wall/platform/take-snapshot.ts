import { formatCityDateTime } from "../../../../../shared/time.js";
import { snapshotFileName, snapshotStampLines, type SnapshotFacts } from "../model/snapshot-stamp.js";

export interface SnapshotSubject {
  cameraId: string;
  cameraName: string;
  operatorId: string;
  operatorName: string;
}

/**
 * Saves the frame the video shows now as a PNG with camera, city time and operator stamped
 * along the bottom (evidence: whoever opens the file sees where, when and who). Returns the
 * file name, or null when there is no frame yet.
 */
export async function saveSnapshot(video: HTMLVideoElement, subject: SnapshotSubject, now = new Date()): Promise<string | null> {
  if (video.videoWidth === 0 || video.videoHeight === 0) return null;
  const facts: SnapshotFacts = { ...subject, cityTime: formatCityDateTime(now, "vi-VN"), atIso: now.toISOString() };
  const [line1, line2] = snapshotStampLines(facts);
  const fontSize = Math.max(12, Math.round(video.videoHeight / 22));
  const band = fontSize * 2 + 14;
  const canvas = document.createElement("canvas");
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight + band;
  const context = canvas.getContext("2d");
  if (context === null) return null;
  context.drawImage(video, 0, 0, video.videoWidth, video.videoHeight);
  // The stamp goes under the picture, never over it: nothing of the evidence is hidden.
  context.fillStyle = "#000";
  context.fillRect(0, video.videoHeight, canvas.width, band);
  context.fillStyle = "#fff";
  context.font = `600 ${fontSize}px "Be Vietnam Pro", sans-serif`;
  context.textBaseline = "top";
  context.fillText(line1, 8, video.videoHeight + 5);
  context.fillText(line2, 8, video.videoHeight + 9 + fontSize);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (blob === null) return null;
  const name = snapshotFileName(facts);
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.click();
  } finally {
    // Revoked on the next task: the download has been handed to the browser by then.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
  return name;
}
