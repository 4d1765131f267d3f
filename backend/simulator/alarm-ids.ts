/**
 * New alarm ids: the raise time in base 36 plus a per-process counter. Unique within a
 * backend process, and a restarted process raises at a later millisecond.
 */
export class AlarmIdGenerator {
  private counter = 0;

  next(now: Date): string {
    this.counter += 1;
    return `alm-${now.getTime().toString(36)}-${this.counter.toString(36).padStart(3, "0")}`;
  }
}
