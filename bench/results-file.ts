/**
 * bench/results.json: every figure with the bench, commit and date of the run that measured it,
 * and what the run was (machine, commit, date). A partial run (`npm run bench -- wall`) replaces
 * only its benches' figures, and the file says it is mixed when figures come from more than one
 * commit; a bench that failed has its old figures removed, never left to pass for new ones.
 */
export interface Figure {
  value: number;
  unit: string;
}

export interface RecordedFigure extends Figure {
  bench: string;
  commit: string;
  date: string;
}

export interface RunInfo {
  commit: string;
  /** Uncommitted changes in the tree when it ran. */
  dirty: boolean;
  date: string;
  machine: { cores: number; cpu: string; memoryGiB: number; node: string; chromium: string };
  benches: string[];
  failed: string[];
}

export interface ResultsFile {
  /** The newest run; `mixed` when the figures below come from more than one commit. */
  run: RunInfo & { mixed: boolean };
  figures: Record<string, RecordedFigure>;
}

/** Pure: the file after a run, from the file before it (or null) and what each bench gave (null: it failed). */
export function mergeResults(previous: ResultsFile | null, run: RunInfo, outcomes: ReadonlyMap<string, Record<string, Figure> | null>): ResultsFile {
  const figures: Record<string, RecordedFigure> = {};
  for (const [name, figure] of Object.entries(previous?.figures ?? {})) {
    if (!outcomes.has(figure.bench)) figures[name] = figure;
  }
  for (const [bench, measured] of outcomes) {
    if (measured === null) continue;
    for (const [name, figure] of Object.entries(measured)) figures[name] = { ...figure, bench, commit: run.commit, date: run.date };
  }
  const commits = new Set(Object.values(figures).map((f) => f.commit));
  return { run: { ...run, mixed: commits.size > 1 || run.dirty }, figures };
}

/** A file of the shape above, or null (absent, from an older version, unreadable): the run starts afresh. */
export function readResults(text: string | null): ResultsFile | null {
  if (text === null) return null;
  try {
    const parsed = JSON.parse(text) as Partial<ResultsFile>;
    if (typeof parsed.run !== "object" || parsed.run === null || typeof parsed.figures !== "object" || parsed.figures === null) return null;
    return parsed as ResultsFile;
  } catch {
    return null;
  }
}
