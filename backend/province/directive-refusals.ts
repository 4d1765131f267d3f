import type { Command } from "../../shared/commands/command.js";
import { wardRecordId } from "../../shared/domain/ward.js";
import type { AppError } from "../../shared/result.js";
import type { BackendStore } from "../store/backend-store.js";

/** Pure: the province's record id of the ward a new directive names, or null when it names none. */
export function directiveWardId(command: Command): string | null {
  if (command.type !== "directive_send" || command.wardCode === null) return null;
  return wardRecordId({ cityId: command.cityId, code: command.wardCode });
}

/**
 * Why the province refuses the ward a directive names, or null: it must be one of the wards its
 * city told the province, so the city's operators are never sent to a place their map does not have.
 */
export async function directiveWardRefusal(store: Pick<BackendStore, "getEntity">, command: Command): Promise<AppError | null> {
  const id = directiveWardId(command);
  if (id === null || command.type !== "directive_send") return null;
  if ((await store.getEntity("ward", id)) !== null) return null;
  return { kind: "invalid_request", message: `Ward ${command.wardCode ?? ""} is not one of ${command.cityId}'s wards as the province knows them: pick one from the list, or none.` };
}

/**
 * Why the province refuses the escalation a directive says it answers, or null: it must be one of
 * the addressed city's escalations that the province holds, so a city is never told that one of its
 * alarms was answered by a directive about something else.
 */
export async function directiveEscalationRefusal(store: Pick<BackendStore, "getEntity">, command: Command): Promise<AppError | null> {
  if (command.type !== "directive_send" || command.escalationId === null) return null;
  if (command.escalationId.startsWith(`${command.cityId}~`) && (await store.getEntity("escalation", command.escalationId)) !== null) return null;
  return { kind: "invalid_request", message: `Escalation ${command.escalationId} is not one of ${command.cityId}'s escalations here: a directive can answer only its own city's.` };
}

/** Why the province refuses what a new directive names (its ward, the escalation it answers), or null. */
export async function directiveRefusal(store: Pick<BackendStore, "getEntity">, command: Command): Promise<AppError | null> {
  return (await directiveWardRefusal(store, command)) ?? (await directiveEscalationRefusal(store, command));
}
