import { DirectiveSchema } from "../../shared/domain/directive.js";
import { DirectiveReportSchema, type ProvinceCity, type UplinkItemAnswer } from "../../shared/protocol/province.js";
import { describeZodError } from "../../shared/result.js";
import type { AuditEntry, BackendStore, EntityWrite } from "../store/backend-store.js";
import { applyReport } from "./directive-steps.js";
import { cityActorId } from "./receive-escalation.js";

/**
 * One step a city reports on a directive it was sent, written on the province's copy and audited
 * as done by that city. Steps only move forward, so a resent report changes nothing.
 */
export async function applyDirectiveReport(store: BackendStore, city: ProvinceCity, raw: unknown): Promise<UplinkItemAnswer> {
  const at = new Date().toISOString();
  const rawId = typeof raw === "object" && raw !== null && "id" in raw && typeof raw.id === "string" ? raw.id.slice(0, 100) : null;
  const report = DirectiveReportSchema.safeParse(raw);
  const refuse = async (message: string): Promise<UplinkItemAnswer> => {
    await store.commit([], [{ at, operatorId: cityActorId(city.id), action: "directive_report", targetKind: "directive", targetId: rawId, outcome: "rejected", detail: { error: "invalid_request", message } }]);
    return { ok: false, key: rawId, error: { kind: "invalid_request", message } };
  };
  if (!report.success) return refuse(`Malformed directive report: ${describeZodError(report.error)}`);
  let refusal: string | null = null;
  await store.transactAudited([{ kind: "directive", id: report.data.id }], ([stored]) => {
    const directive = DirectiveSchema.safeParse(stored?.data);
    if (!directive.success || directive.data.cityId !== city.id) {
      refusal = `Directive ${report.data.id} was not sent to ${city.name}.`;
      return { writes: [], audit: [] };
    }
    const next = applyReport(directive.data, report.data);
    if (next === directive.data) return { writes: [], audit: [] };
    const audit: AuditEntry = { at, operatorId: cityActorId(city.id), action: `directive_${report.data.state}`, targetKind: "directive", targetId: report.data.id, outcome: "applied", detail: { ...report.data } };
    const writes: EntityWrite[] = [{ entity: "directive", op: "upsert", id: report.data.id, data: next }];
    return { writes, audit: [audit] };
  });
  if (refusal !== null) return refuse(refusal);
  return { ok: true, key: report.data.id, receivedAt: at };
}
