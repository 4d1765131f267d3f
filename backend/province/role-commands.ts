import type { Command } from "../../shared/commands/command.js";
import type { BackendRole } from "../../shared/protocol/province.js";
import type { AppError } from "../../shared/result.js";

/**
 * Pure: why a backend of this role refuses a command, or null. Sending directives and
 * acknowledging escalations is the province's; acknowledging and completing a directive is the
 * city's, which the province learns through the link. A directive goes only to a configured city.
 */
export function roleRefusal(role: BackendRole, command: Command, cityIds: ReadonlySet<string>): AppError | null {
  switch (command.type) {
    case "directive_send":
      if (role !== "province") return { kind: "forbidden", message: "Directives are sent from the province's centre, not from a city's." };
      if (!cityIds.has(command.cityId)) return { kind: "invalid_request", message: `${command.cityId} is not a city linked to this province.` };
      return null;
    case "escalation_acknowledge":
      return role === "province" ? null : { kind: "forbidden", message: "Escalations are acknowledged at the province's centre." };
    case "directive_acknowledge":
    case "directive_done":
      return role === "city" ? null : { kind: "forbidden", message: "The city's operators acknowledge and complete a directive; the province sees each step." };
    default:
      return null;
  }
}
