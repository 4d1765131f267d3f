import type { Handover } from "../../shared/domain/handover.js";
import type { Operator } from "../../shared/domain/operator.js";
import type { AppError } from "../../shared/result.js";
import { formatCityDateTime } from "../../shared/time.js";

export type HandoverDecision = { kind: "apply"; handover: Handover } | { kind: "unchanged"; handover: Handover } | { kind: "reject"; error: AppError };

/** Who may write a handover note: whoever holds the shift, not a viewer. */
export function mayWriteHandover(operator: Operator | null, operatorId: string): AppError | null {
  if (operator === null) return { kind: "forbidden", message: `Operator "${operatorId}" is not known to this backend.` };
  if (operator.role === "viewer") return { kind: "forbidden", message: "Viewers cannot write a shift handover." };
  return null;
}

/**
 * Pure: the incoming operator acknowledges a handover. The writer cannot acknowledge their own
 * note; acknowledging twice is harmless; a handover someone else took is a conflict naming them.
 */
export function decideHandoverAcknowledge(handover: Handover | null, id: string, operator: Operator | null, operatorId: string, now: Date): HandoverDecision {
  if (operator === null) return { kind: "reject", error: { kind: "forbidden", message: `Operator "${operatorId}" is not known to this backend.` } };
  if (operator.role === "viewer") return { kind: "reject", error: { kind: "forbidden", message: "Viewers cannot take over a shift." } };
  if (handover === null) return { kind: "reject", error: { kind: "not_found", message: `Handover ${id} does not exist.` } };
  if (handover.acknowledgedBy === operatorId) return { kind: "unchanged", handover };
  if (handover.acknowledgedBy !== null) {
    const when = handover.acknowledgedAt === null ? "" : ` at ${formatCityDateTime(handover.acknowledgedAt, "en-GB")} (Vietnam time)`;
    return { kind: "reject", error: { kind: "conflict", message: `This handover was already taken over by ${handover.acknowledgedByName ?? handover.acknowledgedBy}${when}.` } };
  }
  if (handover.fromOperatorId === operatorId) {
    return { kind: "reject", error: { kind: "forbidden", message: "The incoming operator acknowledges a handover, not the one who wrote it." } };
  }
  return {
    kind: "apply",
    handover: { ...handover, acknowledgedBy: operatorId, acknowledgedByName: operator.name, acknowledgedAt: now.toISOString() },
  };
}
