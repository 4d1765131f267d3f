import type { Settings } from "../../../shared/protocol/console-api.js";

/** Workstation settings. electron-store backs it in Electron; a JSON file in the browser console. */
export interface SettingsStore {
  get(): Settings;
  update(patch: Partial<Settings>): Settings;
}

export const DEFAULT_SETTINGS: Settings = {
  backendUrl: "http://127.0.0.1:8420",
  language: "vi",
  operatorId: "op-01",
};
