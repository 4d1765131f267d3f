import { z } from "zod";
import { EntityKindSchema } from "../../../shared/protocol/backend.js";
import { QuarantinedChangeSchema, type EntityData, type QuarantinedChange, type ValidChange, type ValidatedBatch } from "./validate-changes.js";

/**
 * A validated change ready for the cache: its data already serialised as the JSON text the cache
 * stores. Catch-up pages are decoded to this form off the writing thread (decode-change-lines.ts), so
 * the thread that owns SQLite spends its time on SQL alone.
 */
export const EncodedChangeSchema = z.object({
  seq: z.number().int().positive(),
  entity: EntityKindSchema,
  op: z.enum(["upsert", "delete"]),
  id: z.string().min(1),
  dataJson: z.string().nullable(),
});
export type EncodedChange = z.infer<typeof EncodedChangeSchema>;

export const DecodedPageSchema = z.object({
  rows: z.array(EncodedChangeSchema),
  quarantined: z.array(QuarantinedChangeSchema),
  /** Highest sequence number seen, valid or not: quarantine never blocks what follows. */
  maxSeq: z.number().int().nullable(),
  headSeq: z.number().int().nonnegative(),
  hasMore: z.boolean(),
});
export type DecodedPage = z.infer<typeof DecodedPageSchema>;

export interface EncodedBatch {
  rows: EncodedChange[];
  quarantined: QuarantinedChange[];
  maxSeq: number | null;
}

export function encodeValidated(batch: ValidatedBatch): EncodedBatch {
  return {
    rows: batch.valid.map((c) => ({ seq: c.seq, entity: c.entity, op: c.op, id: c.id, dataJson: c.op === "delete" ? null : JSON.stringify(c.data) })),
    quarantined: batch.quarantined,
    maxSeq: batch.maxSeq,
  };
}

/** Back to objects, for the few rows whose details the renderers are sent (the text was built from validated data). */
export function changesFromRows(rows: readonly EncodedChange[]): ValidChange[] {
  return rows.map((r) => {
    const data = r.dataJson === null ? null : (JSON.parse(r.dataJson) as EntityData[typeof r.entity]);
    return { seq: r.seq, entity: r.entity, op: r.op, id: r.id, data } as ValidChange;
  });
}
