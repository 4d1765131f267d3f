import { DirectiveSchema, type Directive } from "../../shared/domain/directive.js";
import type { DirectiveReport, UplinkItemAnswer } from "../../shared/protocol/province.js";
import type { AuditEntry, BackendStore, EntityWrite } from "../store/backend-store.js";
import { pendingReport, receivedDirective, withReported } from "./directive-steps.js";

const SYSTEM = "system";

/**
 * The city's side of directives: stores each one the province sends (audited as received) and
 * keeps, from the commit stream, the steps its operators took that the province has not confirmed.
 * The directive record is the outbox: `reportedState` lags `state` until the province has it.
 */
export class CityDirectives {
  private readonly pending = new Map<string, DirectiveReport>();

  constructor(private readonly store: BackendStore) {}

  /** Call with every committed directive change (and once with the store's directives at start). */
  track(id: string, data: unknown): void {
    this.pending.delete(id);
    const directive = DirectiveSchema.safeParse(data);
    if (!directive.success) return;
    const report = pendingReport(directive.data);
    if (report !== null) this.pending.set(id, report);
  }

  async load(): Promise<void> {
    for (const data of await this.store.listEntities("directive")) {
      const parsed = DirectiveSchema.safeParse(data);
      if (parsed.success) this.track(parsed.data.id, parsed.data);
    }
  }

  get size(): number {
    return this.pending.size;
  }

  /** Oldest step first (by when the directive was sent). */
  reports(limit: number): DirectiveReport[] {
    return [...this.pending.values()].slice(0, limit);
  }

  /** Directives from the province not yet in this store, written as delivered and audited. */
  async receive(sent: readonly Directive[]): Promise<void> {
    if (sent.length === 0) return;
    const at = new Date().toISOString();
    await this.store.transactAudited(
      sent.map((d) => ({ kind: "directive" as const, id: d.id })),
      (entities) => {
        const writes: EntityWrite[] = [];
        const audit: AuditEntry[] = [];
        sent.forEach((directive, i) => {
          if (entities[i] !== null && entities[i] !== undefined) return;
          const arrived = receivedDirective(directive, at);
          writes.push({ entity: "directive", op: "upsert", id: directive.id, data: arrived });
          audit.push({ at, operatorId: SYSTEM, action: "directive_received", targetKind: "directive", targetId: directive.id, outcome: "applied", detail: { text: directive.text, priority: directive.priority, sentByName: directive.sentByName, dueAt: directive.dueAt } });
        });
        return { writes, audit };
      },
    );
  }

  /** The province's answers written back: a confirmed step is not reported again. */
  async confirm(reports: readonly DirectiveReport[], answers: readonly UplinkItemAnswer[]): Promise<void> {
    const confirmed = reports.filter((_r, i) => answers[i]?.ok === true);
    // A refused report is dropped from this run's queue (kept in the logs): it would be refused again.
    // One the province did not answer stays pending.
    reports.forEach((r, i) => {
      if (answers[i]?.ok === false) this.pending.delete(r.id);
    });
    if (confirmed.length === 0) return;
    await this.store.transact(
      confirmed.map((r) => ({ kind: "directive" as const, id: r.id })),
      (entities) =>
        confirmed.flatMap((report, i): EntityWrite[] => {
          const parsed = DirectiveSchema.safeParse(entities[i]?.data);
          if (!parsed.success) return [];
          const next = withReported(parsed.data, report.state);
          return next === parsed.data ? [] : [{ entity: "directive", op: "upsert", id: report.id, data: next }];
        }),
    );
  }
}
