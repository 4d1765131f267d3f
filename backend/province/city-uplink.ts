import type { CentreLink } from "../../shared/protocol/province.js";
import type { Logger } from "pino";
import { ESCALATION_SUBJECTS, type EscalationSubject } from "../../shared/domain/escalation.js";
import type { EscalationDelivery } from "../../shared/domain/escalation-delivery.js";
import { backoffDelayMs, UPLINK_BACKOFF } from "../../shared/backoff.js";
import { CITY_AUTH_SCHEME, UPLINK_LIMITS, UPLINK_PATHS, UplinkBatchResponseSchema, UplinkUpdateSchema, UplinkUpdatesPageSchema, type UplinkItemAnswer } from "../../shared/protocol/province.js";
import { describeZodError } from "../../shared/result.js";
import { CITY_URL_HEADER } from "../../shared/protocol/camera-share.js";
import type { AuditEntry, BackendStore, EntityWrite } from "../store/backend-store.js";
import type { Directive } from "../../shared/domain/directive.js";
import { CityDirectives } from "./city-directives.js";
import { cityProfileFromStore, sendCityProfile } from "./send-city-profile.js";
import { compareQueued, escalatedRecord, parseEscalationKey, queuedEscalations, withDelivery, type EscalatedRecord, type QueuedEscalation } from "./uplink-plan.js";

export interface CityUplinkOptions {
  store: BackendStore;
  provinceUrl: string;
  cityId: string;
  /** Never logged. */
  secret: string;
  logger: Logger;
  /** Where the province can reach this backend for the cameras it shares (told with every uplink request). */
  cityUrl?: string;
  /** How often the province is asked for what it did with this city's escalations. */
  updatesIntervalMs?: number;
  /** The city's name in the profile it sends up (the province shows the name it is configured with). */
  cityName?: string;
}

export type LinkState = { state: "connecting" } | { state: "up"; since: string } | { state: "down"; since: string; reason: string };

type Patch = Partial<EscalationDelivery> & Pick<EscalationDelivery, "state">;
interface DeliveryPatch {
  kind: EscalationSubject;
  subjectId: string;
  index: number;
  key: string;
  patch: Patch;
}


const REQUEST_TIMEOUT_MS = 10_000;
const SYSTEM = "system";

/**
 * The city's link up to the province: sends every queued escalation (oldest first, in batches),
 * marks each on its alarm as the province answers, and reads back what the province did. Queued
 * escalations are kept in memory from the commit stream, and found again in the store at start.
 */
export class CityUplink {
  private readonly queued = new Map<string, QueuedEscalation>();
  private readonly unsubscribe: () => void;
  private link: LinkState = { state: "connecting" };
  private attempt = 0;
  private timer: NodeJS.Timeout | null = null;
  private updatesTimer: NodeJS.Timeout | null = null;
  private running = false;
  private closed = false;
  private cursor = 0;
  private readonly directives: CityDirectives;
  private profileSent = false;
  private profileSending = false;

  constructor(private readonly options: CityUplinkOptions) {
    this.directives = new CityDirectives(options.store);
    this.unsubscribe = options.store.onCommit((changes) => {
      let any = false;
      for (const change of changes) {
        if (change.entity === "directive") this.directives.track(change.id, change.op === "upsert" ? change.data : null);
        else if (change.entity === "alarm" || change.entity === "incident") this.track(change.entity, change.id, change.op === "upsert" ? change.data : null);
        else continue;
        any = true;
      }
      if (any && this.queued.size + this.directives.size > 0) this.kick(0);
    });
  }

  get linkState(): LinkState {
    return this.link;
  }

  get queuedCount(): number {
    return this.queued.size;
  }

  async start(): Promise<void> {
    for (const kind of ESCALATION_SUBJECTS) for (const data of await this.options.store.listEntities(kind)) this.trackRecord(escalatedRecord(kind, data));
    await this.directives.load();
    void this.sendProfile();
    this.kick(0);
    this.pollUpdates();
  }

  close(): void {
    this.closed = true;
    this.unsubscribe();
    if (this.timer !== null) clearTimeout(this.timer);
    if (this.updatesTimer !== null) clearTimeout(this.updatesTimer);
  }

  private track(kind: EscalationSubject, id: string, data: unknown): void {
    for (const [key, queued] of [...this.queued]) if (queued.kind === kind && queued.subjectId === id) this.queued.delete(key);
    if (data !== null) this.trackRecord(escalatedRecord(kind, data));
  }

  private trackRecord(record: EscalatedRecord | null): void {
    if (record === null) return;
    for (const queued of queuedEscalations(record, this.options.cityId)) this.queued.set(queued.item.key, queued);
  }

  private kick(delayMs: number): void {
    if (this.closed || this.running || this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.drain();
    }, delayMs);
  }

  private async drain(): Promise<void> {
    if (this.running || this.closed) return;
    this.running = true;
    let retry = false;
    try {
      while (!this.closed && this.queued.size > 0) {
        const batch = [...this.queued.values()].sort(compareQueued).slice(0, UPLINK_LIMITS.batch);
        const answers = await this.send(UPLINK_PATHS.escalations, batch.map((q) => q.item));
        if (answers === null) {
          retry = true;
          break;
        }
        this.attempt = 0;
        await this.record(batch, answers);
      }
      while (!retry && !this.closed && this.directives.size > 0) {
        const reports = this.directives.reports(UPLINK_LIMITS.batch);
        const answers = await this.send(UPLINK_PATHS.directiveReports, reports);
        if (answers === null) {
          retry = true;
          break;
        }
        this.attempt = 0;
        await this.directives.confirm(reports, answers);
      }
    } catch (error) {
      this.options.logger.error({ err: error }, "city uplink: recording the province's answers failed");
      retry = true;
    } finally {
      this.running = false;
    }
    // Escalations made while this round ran are sent by the next one.
    if (retry) this.kick(backoffDelayMs(this.attempt++, UPLINK_BACKOFF));
    else if (this.queued.size + this.directives.size > 0) this.kick(0);
  }

  private headers(): Record<string, string> {
    const headers: Record<string, string> = { authorization: `${CITY_AUTH_SCHEME} ${this.options.cityId}:${this.options.secret}`, "content-type": "application/json" };
    if (this.options.cityUrl !== undefined) headers[CITY_URL_HEADER] = this.options.cityUrl;
    return headers;
  }

  /** The province's answers in the order sent, or null when the link is down (marked so). */
  private async send(path: string, items: readonly unknown[]): Promise<UplinkItemAnswer[] | null> {
    try {
      const response = await fetch(new URL(path, this.options.provinceUrl), {
        method: "POST",
        headers: this.headers(),
        body: JSON.stringify({ items }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const parsed = UplinkBatchResponseSchema.safeParse(await response.json());
      if (!parsed.success) return this.down(`the province answered ${response.status} with something else than a batch answer: ${describeZodError(parsed.error)}`);
      if (!parsed.data.ok) return this.down(`the province refused the link: ${parsed.data.error.message}`);
      // One answer per item or none are taken: an item left unanswered was not refused, and is sent again.
      const answered = parsed.data.value.answers.length;
      if (answered !== items.length) return this.down(`the province answered ${answered} of ${items.length} items`);
      this.up();
      return parsed.data.value.answers;
    } catch (error) {
      return this.down(`the province cannot be reached (${error instanceof Error ? error.message : String(error)})`);
    }
  }

  private up(): void {
    if (this.link.state === "up") return;
    // After an outage the province may have been restored from elsewhere: tell it the wards again.
    if (this.link.state === "down") this.profileSent = false;
    this.link = { state: "up", since: new Date().toISOString() };
    if (!this.profileSent) void this.sendProfile();
    this.options.logger.info({ province: this.options.provinceUrl }, "city uplink: province link up");
  }

  private down(reason: string): null {
    if (this.link.state !== "down") {
      this.link = { state: "down", since: new Date().toISOString(), reason };
      this.options.logger.warn({ province: this.options.provinceUrl, reason }, "city uplink: province link down");
    }
    return null;
  }

  /** Each answer written onto its alarm; an answer the province refused keeps its error and is not sent again. */
  private async record(batch: readonly QueuedEscalation[], answers: readonly UplinkItemAnswer[]): Promise<void> {
    const patches = batch.flatMap((queued, i): [QueuedEscalation, Patch][] => {
      const answer = answers[i];
      // Unanswered: still queued, sent again (send takes a batch's answers only when every item has one).
      if (answer === undefined) return [];
      return [[queued, answer.ok ? { state: "delivered", deliveredAt: answer.receivedAt } : { state: "refused", error: answer.error.message }]];
    });
    await this.patch(patches.map(([q, p]) => ({ kind: q.kind, subjectId: q.subjectId, index: q.index, key: q.item.key, patch: p })));
  }

  /** Each delivery step written onto its alarm or incident, in one transaction with its audit entries. */
  private async patch(items: readonly DeliveryPatch[]): Promise<void> {
    if (items.length === 0) return;
    const targets = [...new Map(items.map((i) => [`${i.kind}:${i.subjectId}`, { kind: i.kind, id: i.subjectId }])).values()];
    const at = new Date().toISOString();
    await this.options.store.transactAudited(targets, (entities) => {
      const writes: EntityWrite[] = [];
      const audit: AuditEntry[] = [];
      targets.forEach(({ kind, id }, i) => {
        const found = escalatedRecord(kind, entities[i]?.data);
        if (found === null) return;
        let record = found.record;
        for (const item of items.filter((x) => x.kind === kind && x.subjectId === id)) {
          const next = withDelivery(record, item.index, item.patch);
          if (next === record) continue;
          record = next;
          audit.push({ at, operatorId: SYSTEM, action: `escalation_${item.patch.state}`, targetKind: kind, targetId: id, outcome: "applied", detail: { key: item.key, ...item.patch } });
        }
        if (record !== found.record) writes.push({ entity: kind, op: "upsert", id, data: record });
      });
      return { writes, audit };
    });
  }

  /** The city's wards to the province; idempotent, so sent again whenever in doubt. */
  private async sendProfile(): Promise<void> {
    if (this.closed || this.profileSending) return;
    this.profileSending = true;
    try {
      const profile = await cityProfileFromStore(this.options.store, this.options.cityName ?? this.options.cityId);
      const outcome = await sendCityProfile({ provinceUrl: this.options.provinceUrl, headers: this.headers(), profile, logger: this.options.logger });
      // Refused is logged there and not retried until the link comes back: resending the same profile changes nothing.
      this.profileSent = outcome.kind !== "unreachable";
    } catch (error) {
      this.options.logger.error({ err: error }, "city uplink: reading this city's wards for the province failed");
    } finally {
      this.profileSending = false;
    }
  }

  private pollUpdates(): void {
    if (this.closed) return;
    this.updatesTimer = setTimeout(() => {
      void this.readUpdates().finally(() => this.pollUpdates());
    }, this.options.updatesIntervalMs ?? 1000);
  }

  /** What the province did with this city's escalations since the cursor; a malformed update is logged and skipped. */
  private async readUpdates(): Promise<void> {
    try {
      for (;;) {
        const url = new URL(UPLINK_PATHS.updates, this.options.provinceUrl);
        url.searchParams.set("after", String(this.cursor));
        const response = await fetch(url, { headers: this.headers(), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
        const page = UplinkUpdatesPageSchema.safeParse(await response.json());
        if (!page.success || !page.data.ok) {
          this.down(page.success && !page.data.ok ? `the province refused the link: ${page.data.error.message}` : `the province answered ${response.status} with something else than an updates page`);
          return;
        }
        this.up();
        const items: DeliveryPatch[] = [];
        const directives: Directive[] = [];
        for (const raw of page.data.value.updates) {
          const update = UplinkUpdateSchema.safeParse(raw);
          if (!update.success) {
            this.options.logger.warn({ problem: describeZodError(update.error) }, "city uplink: malformed update from the province skipped");
            continue;
          }
          if (update.data.kind === "directive") {
            if (update.data.directive.cityId === this.options.cityId) directives.push(update.data.directive);
            continue;
          }
          const where = parseEscalationKey(update.data.key, this.options.cityId);
          if (where === null) continue;
          items.push({ ...where, key: update.data.key, patch: { state: "acknowledged", acknowledgedByName: update.data.acknowledgedByName, acknowledgedAt: update.data.acknowledgedAt } });
        }
        await this.patch(items);
        await this.directives.receive(directives);
        const moved = page.data.value.next !== this.cursor;
        this.cursor = page.data.value.next;
        if (!moved) return;
      }
    } catch (error) {
      this.down(`the province cannot be reached (${error instanceof Error ? error.message : String(error)})`);
    }
  }
}

/** A city's uplink as its consoles are told of it. */
export function cityUplinkLink(link: LinkState): CentreLink {
  return { id: "province", name: "province", state: link.state, since: link.state === "connecting" ? null : link.since };
}
