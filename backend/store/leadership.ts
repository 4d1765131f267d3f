/**
 * Which backend instance runs the work only one may do (the simulator): with SQLite there is one
 * instance, with PostgreSQL whoever holds the lead lock (see pg/leader-lock.ts).
 */
export interface Leadership {
  /** Calls `onChange(true)` when this instance takes the lead and `onChange(false)` if it loses it. */
  start(onChange: (leading: boolean) => void): void;
  close(): Promise<void>;
}

/** The only instance leads from the start. */
export const SOLE_INSTANCE: Leadership = {
  start: (onChange) => onChange(true),
  close: async () => undefined,
};
