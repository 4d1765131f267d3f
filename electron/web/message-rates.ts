import { z } from "zod";
import { TokenBuckets } from "../../shared/token-bucket.js";

const TileRequestSchema = z.object({ type: z.literal("basemap.tile") });

/** Console API messages one page may send: a burst as large as a keyboard-driven flood, then a steady rate. */
export const MESSAGE_RATE = { burst: 200, perSecond: 50 } as const;
/**
 * Street map tiles have a budget of their own: one zoom step over a 4K wall display asks for a
 * hundred tiles at once, which must neither be refused nor spend the operator's budget for
 * acknowledging alarms. Each is one indexed read of a local file.
 */
export const TILE_RATE = { burst: 1_000, perSecond: 400 } as const;

/** The per-page budgets of the browser console's API socket. */
export class MessageRates {
  private readonly api: TokenBuckets;
  private readonly tiles: TokenBuckets;

  constructor(maxKeys: number) {
    this.api = new TokenBuckets(MESSAGE_RATE.burst, MESSAGE_RATE.perSecond, maxKeys);
    this.tiles = new TokenBuckets(TILE_RATE.burst, TILE_RATE.perSecond, maxKeys);
  }

  /** Spends one message of the right budget for a (not yet validated) request; false when it is spent. */
  take(key: string, request: unknown, now: number): boolean {
    return (TileRequestSchema.safeParse(request).success ? this.tiles : this.api).take(key, 1, now);
  }

  forget(key: string): void {
    this.api.forget(key);
    this.tiles.forget(key);
  }
}
