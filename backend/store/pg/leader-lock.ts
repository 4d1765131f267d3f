import pg from "pg";
import type { Leadership } from "../leadership.js";

/** Session-level advisory lock key: held by the leading instance's own connection. */
const LEADER_LOCK = 0x10c_0003;

/**
 * Leadership by a session-level advisory lock on a connection of its own: the server releases it
 * when that connection ends (the process died, or the network went), and another instance, trying
 * every `retryMs`, takes it over.
 */
export class PgLeaderLock implements Leadership {
  private client: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private leading = false;
  private closed = false;
  private onChange: (leading: boolean) => void = () => undefined;

  constructor(
    private readonly connectionString: string,
    private readonly retryMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(onChange: (leading: boolean) => void): void {
    this.onChange = onChange;
    void this.attempt();
  }

  private async attempt(): Promise<void> {
    this.timer = null;
    if (this.closed) return;
    try {
      const client = this.client ?? (await this.connect());
      const result = await client.query("SELECT pg_try_advisory_lock($1) AS taken", [LEADER_LOCK]);
      if (result.rows[0]?.taken === true && !this.closed) {
        this.setLeading(true);
        return;
      }
    } catch (error) {
      this.onError(error);
    }
    this.retry();
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.connectionString, application_name: "ioc-backend-leader" });
    const lost = (error?: unknown) => {
      if (this.client !== client) return;
      this.client = null;
      if (error !== undefined) this.onError(error);
      client.end().catch(() => undefined);
      // Without the connection the lock is gone: stop leading before another instance starts.
      this.setLeading(false);
      this.retry();
    };
    client.on("error", lost);
    client.on("end", () => lost());
    this.client = client;
    try {
      await client.connect();
    } catch (error) {
      this.client = null;
      throw error;
    }
    return client;
  }

  private setLeading(leading: boolean): void {
    if (leading === this.leading) return;
    this.leading = leading;
    this.onChange(leading);
  }

  private retry(): void {
    if (this.closed || this.timer !== null) return;
    this.timer = setTimeout(() => void this.attempt(), this.retryMs);
    this.timer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const client = this.client;
    this.client = null;
    this.setLeading(false);
    await client?.end().catch(() => undefined);
  }
}
