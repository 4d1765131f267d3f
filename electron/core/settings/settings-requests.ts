import type { ConsoleEvent, Settings } from "../../../shared/protocol/console-api.js";
import { ok } from "../../../shared/result.js";
import type { RequestHandlers } from "../requests/request-router.js";
import type { SettingsStore } from "./settings-store.js";

/** The workstation's settings in the console API: the core owns them (its store persists them). */
export function settingsHandlers(settings: SettingsStore, emit: (event: ConsoleEvent) => void): RequestHandlers<"settings.update"> {
  return {
    "settings.update": (request) => {
      const patch: Partial<Settings> = {};
      if (request.language !== undefined) patch.language = request.language;
      const updated = settings.update(patch);
      emit({ type: "settings", settings: updated });
      return ok(updated);
    },
  };
}
