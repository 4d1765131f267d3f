import type { DomainSample } from "../../../../../shared/domain/domain-sample.js";

/**
 * Pure: the samples shown for a period with the ones that just moved laid over them (same id
 * replaced unless what is shown is newer, new ones added). Null when a moved sample falls outside
 * the period (a new hour began): the period itself has moved, and the caller reads it again.
 */
export function layChangedSamples(
  shown: readonly DomainSample[],
  changed: readonly DomainSample[],
  period: { from: Date; to: Date },
): DomainSample[] | null {
  if (changed.length === 0) return [...shown];
  const from = period.from.toISOString();
  const to = period.to.toISOString();
  const byId = new Map<string, DomainSample>();
  for (const sample of changed) {
    if (sample.hour < from || sample.hour >= to) return null;
    byId.set(sample.id, sample);
  }
  const out = shown.map((sample) => {
    const next = byId.get(sample.id);
    if (next === undefined) return sample;
    byId.delete(sample.id);
    // A read of the period may already hold a newer version than the one that moved.
    return next.updatedAt >= sample.updatedAt ? next : sample;
  });
  for (const sample of byId.values()) out.push(sample);
  return out;
}
