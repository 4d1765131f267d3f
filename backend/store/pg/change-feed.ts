import type { Change } from "../../../shared/protocol/backend.js";
import { assertNever } from "../../../shared/result.js";
import type { StoredChange } from "../backend-store.js";

/** What to do with news of the log: emit what we were handed, read the log from our cursor, or nothing. */
export type FeedStep = { kind: "emit"; changes: readonly Change[] } | { kind: "pull" } | { kind: "nothing" };

/**
 * Pure: listeners must get every change once, in seq order. Changes that continue exactly where
 * we are can be emitted as they are; anything past a gap (another instance's commit, or one of
 * ours that finished out of order) means reading the log from our cursor instead.
 */
export function planFeedStep(emittedThrough: number, news: { changes: readonly Change[] } | { head: number }): FeedStep {
  if ("head" in news) return news.head > emittedThrough ? { kind: "pull" } : { kind: "nothing" };
  const last = news.changes.at(-1)?.seq ?? 0;
  if (last <= emittedThrough) return { kind: "nothing" };
  return news.changes[0]?.seq === emittedThrough + 1 ? { kind: "emit", changes: news.changes } : { kind: "pull" };
}

const PULL_PAGE = 1000;

export function changeFromStored(stored: StoredChange): Change {
  return { seq: stored.seq, entity: stored.entity, op: stored.op, id: stored.id, at: stored.at, data: stored.dataJson === null ? null : JSON.parse(stored.dataJson) };
}

/**
 * Feeds commit listeners from the change log in seq order, whichever instance committed: news
 * is handled one at a time, and a listener never sees a change twice or out of order.
 */
export class ChangeFeed {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private emittedThrough: number,
    private readonly readAfter: (after: number, limit: number) => Promise<StoredChange[]>,
    private readonly emit: (changes: readonly Change[]) => void,
    private readonly onError: (error: unknown) => void,
    /** False while nobody listens: the cursor then moves on without reading anything. */
    private readonly wanted: () => boolean,
  ) {}

  /** This instance committed `changes`; resolves once listeners have had them. */
  committed(changes: readonly Change[]): Promise<void> {
    return this.enqueue({ changes });
  }

  /** The log's head is at least `head` (a notification, or a poll). */
  headIsAt(head: number): Promise<void> {
    return this.enqueue({ head });
  }

  get cursor(): number {
    return this.emittedThrough;
  }

  private enqueue(news: { changes: readonly Change[] } | { head: number }): Promise<void> {
    this.queue = this.queue.then(() => this.handle(news)).catch((error: unknown) => this.onError(error));
    return this.queue;
  }

  private async handle(news: { changes: readonly Change[] } | { head: number }): Promise<void> {
    if (!this.wanted()) {
      this.emittedThrough = Math.max(this.emittedThrough, "head" in news ? news.head : (news.changes.at(-1)?.seq ?? 0));
      return;
    }
    const step = planFeedStep(this.emittedThrough, news);
    switch (step.kind) {
      case "nothing":
        return;
      case "emit":
        this.deliver(step.changes);
        return;
      case "pull":
        for (;;) {
          const page = await this.readAfter(this.emittedThrough, PULL_PAGE);
          if (page.length > 0) this.deliver(page.map(changeFromStored));
          if (page.length < PULL_PAGE) return;
        }
      default:
        assertNever(step);
    }
  }

  private deliver(changes: readonly Change[]): void {
    this.emittedThrough = changes.at(-1)?.seq ?? this.emittedThrough;
    this.emit(changes);
  }
}
