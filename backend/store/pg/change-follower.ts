import pg from "pg";
import { CHANGES_CHANNEL } from "./log-append.js";

/**
 * Hears of commits made by any instance on the same database: LISTEN on its own connection (the
 * payload is the new head seq) and, because a notification can be lost with a dropped connection,
 * a poll of the head. Either way the feed reads the log from its own cursor, so nothing is missed.
 */
export class ChangeFollower {
  private client: pg.Client | null = null;
  private poll: NodeJS.Timeout | null = null;
  private reconnect: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly connectionString: string,
    private readonly onHead: (head: number) => void,
    private readonly readHead: () => Promise<number>,
    private readonly pollMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  async start(): Promise<void> {
    await this.listen();
    this.poll = setInterval(() => {
      this.readHead().then(this.onHead, (error: unknown) => this.onError(error));
    }, this.pollMs);
    this.poll.unref();
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, application_name: "ioc-backend-listen" });
    client.on("notification", (message) => {
      const head = Number(message.payload);
      if (message.channel === CHANGES_CHANNEL && Number.isSafeInteger(head)) this.onHead(head);
    });
    const lost = (error?: unknown) => {
      if (this.client !== client) return;
      this.client = null;
      if (error !== undefined) this.onError(error);
      client.end().catch(() => undefined);
      if (!this.closed) this.scheduleReconnect();
    };
    client.on("error", lost);
    client.on("end", () => lost());
    this.client = client;
    await client.connect();
    await client.query(`LISTEN ${CHANGES_CHANNEL}`);
  }

  private scheduleReconnect(): void {
    this.reconnect = setTimeout(() => {
      this.reconnect = null;
      // Whatever was committed while we were deaf is read from the feed's cursor at the next news.
      this.listen().then(
        () => this.readHead().then(this.onHead),
        (error: unknown) => {
          this.client = null;
          this.onError(error);
          if (!this.closed) this.scheduleReconnect();
        },
      );
    }, 1000);
    this.reconnect.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.poll !== null) clearInterval(this.poll);
    if (this.reconnect !== null) clearTimeout(this.reconnect);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
