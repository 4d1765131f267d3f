import Store from "electron-store";
import { SettingsSchema, type Settings } from "../../shared/protocol/console-api.js";
import { DEFAULT_SETTINGS, type SettingsStore } from "../core/settings/settings-store.js";

/** Workstation settings in electron-store, validated with the shared schema on every read. */
export class ElectronSettingsStore implements SettingsStore {
  private readonly store = new Store<{ settings: unknown }>({ name: "workstation", defaults: { settings: DEFAULT_SETTINGS } });

  constructor(private readonly overrides: Partial<Settings> = {}) {}

  get(): Settings {
    const parsed = SettingsSchema.partial().safeParse(this.store.get("settings"));
    return { ...DEFAULT_SETTINGS, ...(parsed.success ? parsed.data : {}), ...this.overrides };
  }

  update(patch: Partial<Settings>): Settings {
    const next = SettingsSchema.parse({ ...this.get(), ...patch });
    this.store.set("settings", next);
    return next;
  }
}
