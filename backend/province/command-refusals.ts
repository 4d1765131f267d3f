import type { Command } from "../../shared/commands/command.js";
import type { BackendRole } from "../../shared/protocol/province.js";
import type { AppError } from "../../shared/result.js";
import type { BackendStore } from "../store/backend-store.js";
import { directiveRefusal } from "./directive-refusals.js";
import { roleRefusal } from "./role-commands.js";
import { sharedCameraRefusal } from "./shared-camera-check.js";

/**
 * What a backend refuses before a command reaches the shared rules: what its role does not take,
 * and names of wards, escalations or cameras it does not hold.
 */
export function commandRefusals(role: BackendRole, cityIds: ReadonlySet<string>, store: Pick<BackendStore, "getEntity">): (command: Command) => Promise<AppError | null> {
  return async (command) => roleRefusal(role, command, cityIds) ?? (await directiveRefusal(store, command)) ?? (await sharedCameraRefusal(store, command));
}
