import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { SettingsSchema, type Settings } from "../../../shared/protocol/console-api.js";
import { DEFAULT_SETTINGS, type SettingsStore } from "./settings-store.js";

/** Settings in a JSON file, validated on read; a broken file falls back to defaults and is kept aside. */
export class JsonSettingsStore implements SettingsStore {
  private current: Settings;
  readonly warning: string | null;

  constructor(
    private readonly path: string,
    overrides: Partial<Settings> = {},
  ) {
    const { settings, warning } = this.read();
    this.warning = warning;
    this.current = { ...settings, ...overrides };
  }

  get(): Settings {
    return this.current;
  }

  update(patch: Partial<Settings>): Settings {
    this.current = SettingsSchema.parse({ ...this.current, ...patch });
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileSync(`${this.path}.tmp`, JSON.stringify(this.current, null, 2));
    renameSync(`${this.path}.tmp`, this.path);
    return this.current;
  }

  private read(): { settings: Settings; warning: string | null } {
    let text: string;
    try {
      text = readFileSync(this.path, "utf8");
    } catch {
      return { settings: DEFAULT_SETTINGS, warning: null };
    }
    try {
      const parsed = SettingsSchema.partial().safeParse(JSON.parse(text));
      if (parsed.success) return { settings: { ...DEFAULT_SETTINGS, ...parsed.data }, warning: null };
    } catch {
      // fall through: not JSON
    }
    renameSync(this.path, `${this.path}.broken`);
    return { settings: DEFAULT_SETTINGS, warning: `Settings file ${this.path} was unreadable; it was kept as .broken and defaults are used.` };
  }
}
