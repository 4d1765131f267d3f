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

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 10_000) ?? "undefined";
  } catch {
    return String(value);
  }
}

/** Pure: splits raw changes from the backend into those we can apply and those we must quarantine. */
export function validateChanges(raw: readonly unknown[]): ValidatedBatch {
  const valid: ValidChange[] = [];
  const quarantined: QuarantinedChange[] = [];
  let maxSeq: number | null = null;
  for (const item of raw) {
    const envelope = ChangeSchema.safeParse(item);
    if (!envelope.success) {
      const seq = z.object({ seq: z.number().int().positive() }).safeParse(item);
      if (seq.success) maxSeq = Math.max(maxSeq ?? 0, seq.data.seq);
      quarantined.push({
        seq: seq.success ? seq.data.seq : null,
        message: `Malformed change: ${describeZodError(envelope.error)}`,
        raw: safeJson(item),
      });
      continue;
    }
    const change = envelope.data;
    maxSeq = Math.max(maxSeq ?? 0, change.seq);
    if (change.op === "delete") {
      valid.push({ seq: change.seq, entity: change.entity, op: "delete", id: change.id, data: null } as ValidChange);
      continue;
    }
    const data = ENTITY_SCHEMAS[change.entity].safeParse(change.data);
    if (!data.success) {
      quarantined.push({
        seq: change.seq,
        message: `Malformed ${change.entity} ${change.id} (change ${change.seq}): ${describeZodError(data.error)}`,
        raw: safeJson(item),
      });
      continue;
    }
    valid.push({ seq: change.seq, entity: change.entity, op: "upsert", id: change.id, data: data.data } as ValidChange);
  }
  return { valid, quarantined, maxSeq };
}
