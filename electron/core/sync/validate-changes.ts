import { z } from "zod";
import { ChangeSchema, ENTITY_SCHEMAS, type EntityKind } from "../../../shared/protocol/backend.js";
import { describeZodError } from "../../../shared/result.js";

export type EntityData = { [K in EntityKind]: z.infer<(typeof ENTITY_SCHEMAS)[K]> };

export type ValidChange = {
  [K in EntityKind]: { seq: number; entity: K; op: "upsert" | "delete"; id: string; data: EntityData[K] | null };
}[EntityKind];

/** A change kept aside with why: it is shown under "sync problems" and never blocks the ones after it. */
export const QuarantinedChangeSchema = z.object({ seq: z.number().int().nullable(), message: z.string(), raw: z.string() });
export type QuarantinedChange = z.infer<typeof QuarantinedChangeSchema>;

export interface ValidatedBatch {
  valid: ValidChange[];
  quarantined: QuarantinedChange[];
  /** Highest sequence number seen, valid or not: quarantine never blocks what follows. */
  maxSeq: number | null;
}

/** How much of a quarantined change's text is kept to show under "sync problems". */
export const QUARANTINE_RAW_LIMIT = 10_000;
/** Just a change's seq: what even a malformed change must yield, so the cursor moves past it. */
export const SeqOnlySchema = z.object({ seq: z.number().int().positive() });

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, QUARANTINE_RAW_LIMIT) ?? "undefined";
  } catch {
    return String(value);
  }
}

/**
 * A change's envelope checked against `schema`. One that does not parse is quarantined with its
 * seq when it has one; either way `seq` is what the cursor may move past (quarantine never
 * blocks what follows).
 */
export function checkEnvelope<T extends { seq: number }>(
  schema: z.ZodType<T>,
  item: unknown,
  raw: () => string,
): { ok: true; change: T; seq: number } | { ok: false; problem: QuarantinedChange; seq: number | null } {
  const parsed = schema.safeParse(item);
  if (parsed.success) return { ok: true, change: parsed.data, seq: parsed.data.seq };
  const seq = SeqOnlySchema.safeParse(item);
  const problem = { seq: seq.success ? seq.data.seq : null, message: `Malformed change: ${describeZodError(parsed.error)}`, raw: raw().slice(0, QUARANTINE_RAW_LIMIT) };
  return { ok: false, problem, seq: problem.seq };
}

/** The higher of two sequence numbers, either possibly absent. */
export function laterSeq(a: number | null, b: number | null): number | null {
  return b === null ? a : Math.max(a ?? 0, b);
}

/** An upsert's data checked against its entity's schema; what fails is quarantined with `raw`. */
export function checkEntityData(
  change: { seq: number; entity: EntityKind; id: string },
  data: unknown,
  raw: () => string,
): { ok: true; data: EntityData[EntityKind] } | { ok: false; problem: QuarantinedChange } {
  const parsed = ENTITY_SCHEMAS[change.entity].safeParse(data);
  if (parsed.success) return { ok: true, data: parsed.data as EntityData[EntityKind] };
  const message = `Malformed ${change.entity} ${change.id} (change ${change.seq}): ${describeZodError(parsed.error)}`;
  return { ok: false, problem: { seq: change.seq, message, raw: raw().slice(0, QUARANTINE_RAW_LIMIT) } };
}

/** Pure: splits raw changes from the backend into those we can apply and those we must quarantine. */
export function validateChanges(raw: readonly unknown[]): ValidatedBatch {
  const valid: ValidChange[] = [];
  const quarantined: QuarantinedChange[] = [];
  let maxSeq: number | null = null;
  for (const item of raw) {
    const envelope = checkEnvelope(ChangeSchema, item, () => safeJson(item));
    maxSeq = laterSeq(maxSeq, envelope.seq);
    if (!envelope.ok) {
      quarantined.push(envelope.problem);
      continue;
    }
    const change = envelope.change;
    if (change.op === "delete") {
      valid.push({ seq: change.seq, entity: change.entity, op: "delete", id: change.id, data: null } as ValidChange);
      continue;
    }
    const data = checkEntityData(change, change.data, () => safeJson(item));
    if (!data.ok) {
      quarantined.push(data.problem);
      continue;
    }
    valid.push({ seq: change.seq, entity: change.entity, op: "upsert", id: change.id, data: data.data } as ValidChange);
  }
  return { valid, quarantined, maxSeq };
}
