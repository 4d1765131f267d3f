import { expireShelf, SYSTEM_OPERATOR_ID } from "../../shared/alarm-actions.js";
import { AlarmSchema } from "../../shared/domain/alarm.js";
import type { BackendStore } from "../store/backend-store.js";

/** How often due shelves are looked for: an alarm comes back within a second of its expiry. */
const CHECK_INTERVAL_MS = 1_000;

/**
 * Brings shelved alarms back when their shelf time is over (EEMUA 191: shelving is always
 * time-limited). Keeps the deadlines in memory from the commit stream instead of scanning
 * every alarm each second; each return is audited as done by the system.
 */
export class ShelfExpiry {
  private readonly due = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: BackendStore,
    private readonly now: () => Date,
    private readonly onError: (error: unknown) => void,
  ) {
    this.unsubscribe = store.onCommit((changes) => {
      for (const change of changes) if (change.entity === "alarm") this.track(change.id, change.op === "upsert" ? change.data : null);
    });
  }

  async start(): Promise<void> {
    for (const data of await this.store.listEntities("alarm")) {
      const alarm = AlarmSchema.safeParse(data);
      if (alarm.success) this.track(alarm.data.id, alarm.data);
    }
    this.timer = setInterval(() => {
      this.expireDue().catch(this.onError);
    }, CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  close(): void {
    this.unsubscribe();
    if (this.timer !== null) clearInterval(this.timer);
  }

  /** Returns every alarm whose shelf is over; exposed so tests need not wait for the timer. */
  async expireDue(): Promise<string[]> {
    const now = this.now();
    const ids = [...this.due].filter(([, until]) => until <= now.getTime()).map(([id]) => id);
    const returned: string[] = [];
    for (const id of ids) {
      this.due.delete(id);
      const at = now.toISOString();
      const changes = await this.store.transactAudited([{ kind: "alarm", id }], ([stored]) => {
        const alarm = AlarmSchema.safeParse(stored?.data);
        const next = alarm.success ? expireShelf(alarm.data, now) : null;
        if (next === null) return { writes: [], audit: [] };
        return {
          writes: [{ entity: "alarm", op: "upsert", id, data: next }],
          audit: [{ at, operatorId: SYSTEM_OPERATOR_ID, action: "shelf_expired", targetKind: "alarm", targetId: id, outcome: "applied", detail: {} }],
        };
      });
      if (changes.length > 0) returned.push(id);
    }
    return returned;
  }

  private track(id: string, data: unknown): void {
    const alarm = AlarmSchema.safeParse(data);
    if (alarm.success && alarm.data.state === "shelved" && alarm.data.shelvedUntil !== null) this.due.set(id, new Date(alarm.data.shelvedUntil).getTime());
    else this.due.delete(id);
  }
}
