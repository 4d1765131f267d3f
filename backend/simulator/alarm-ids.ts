import { randomBytes } from "node:crypto";

/**
 * New alarm ids: the raise time in base 36, this generator's own random tag and its counter.
 * Unique across backend instances sharing one database (each has its own tag) and across restarts.
 */
export class AlarmIdGenerator {
  private counter = 0;

  constructor(private readonly tag: string = randomBytes(3).toString("hex")) {}

  next(now: Date): string {
    this.counter += 1;
    return `alm-${now.getTime().toString(36)}-${this.tag}-${this.counter.toString(36).padStart(3, "0")}`;
  }
}
