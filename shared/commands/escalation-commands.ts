import { z } from "zod";
import type { Operator } from "../domain/operator.js";
import type { ProvinceEscalation } from "../domain/province.js";
import { err, ok, type Result } from "../result.js";
import { targetOf } from "./target.js";

const Escalation = targetOf("escalation", z.string().min(1).max(240));

/** What a province operator can do to an escalation a city sent up. */
export const ESCALATION_COMMANDS = [z.object({ type: z.literal("escalation_acknowledge"), target: Escalation })] as const;

export const EscalationCommandSchema = z.discriminatedUnion("type", ESCALATION_COMMANDS);
export type EscalationCommand = z.infer<typeof EscalationCommandSchema>;

/** Pure: the escalation after the command; the very same object when it is already so. */
export function applyEscalationCommand(escalation: ProvinceEscalation | null, command: EscalationCommand, operator: Operator, at: string): Result<ProvinceEscalation> {
  if (escalation === null) return err("not_found", `Escalation ${command.target.id} has not reached this centre.`);
  if (operator.role === "viewer") return err("forbidden", `${operator.name} is signed in as a viewer; viewers cannot acknowledge escalations.`);
  switch (command.type) {
    case "escalation_acknowledge":
      if (escalation.state === "acknowledged") return ok(escalation);
      return ok({ ...escalation, state: "acknowledged", acknowledgedBy: operator.id, acknowledgedByName: operator.name, acknowledgedAt: at });
  }
}
