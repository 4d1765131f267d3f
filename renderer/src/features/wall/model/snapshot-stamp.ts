/** Text and file name stamped on a snapshot used as evidence. Pure. */
export interface SnapshotFacts {
  cameraId: string;
  cameraName: string;
  /** City time, already formatted (shared/time.ts). */
  cityTime: string;
  /** ISO instant, for the file name. */
  atIso: string;
  operatorName: string;
  operatorId: string;
}

export function snapshotStampLines(facts: SnapshotFacts): [string, string] {
  return [`${facts.cameraId.toUpperCase()} · ${facts.cameraName}`, `${facts.cityTime} (UTC+7) · ${facts.operatorName} (${facts.operatorId})`];
}

/** e.g. "cam-03_2025-03-01T08-15-02Z_op-01.png": sortable, safe on every file system. */
export function snapshotFileName(facts: SnapshotFacts): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9_-]+/g, "-");
  const at = facts.atIso.replace(/\.\d+Z$/, "Z").replace(/:/g, "-");
  return `${safe(facts.cameraId)}_${safe(at)}_${safe(facts.operatorId)}.png`;
}
