import type { Settings } from "../../../shared/protocol/console-api.js";
import type { SettingsStore } from "./settings-store.js";

/**
 * Settings in memory: the core worker's, which hands every change to the thread whose store keeps
 * them on disk (electron-store, the browser console's file).
 */
export class MemorySettingsStore implements SettingsStore {
  constructor(
    private current: Settings,
    private readonly onUpdate: (settings: Settings) => void = () => undefined,
  ) {}

  get(): Settings {
    return this.current;
  }

  update(patch: Partial<Settings>): Settings {
    this.current = { ...this.current, ...patch };
    this.onUpdate(this.current);
    return this.current;
  }
}
