import type { Settings } from "../../../shared/protocol/console-api.js";
import type { SettingsStore } from "./settings-store.js";

/** Settings held by another thread's store; this copy is kept current by messages. */
export class MemorySettingsStore implements SettingsStore {
  constructor(private current: Settings) {}

  get(): Settings {
    return this.current;
  }

  update(patch: Partial<Settings>): Settings {
    this.current = { ...this.current, ...patch };
    return this.current;
  }
}
