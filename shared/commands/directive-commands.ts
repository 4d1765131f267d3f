import { z } from "zod";
import { AlarmPrioritySchema } from "../domain/alarm.js";
import { DirectiveIdSchema, type Directive } from "../domain/directive.js";
import { IsoTimeSchema, LonLatSchema } from "../domain/geo.js";
import type { Operator } from "../domain/operator.js";
import { CityIdSchema } from "../domain/province.js";
import { NoteTextSchema } from "../limits.js";
import { err, ok, type Result } from "../result.js";
import { targetOf } from "./target.js";

const Target = targetOf("directive", DirectiveIdSchema);

/** A province operator sends a directive to one city; the city's operators acknowledge it and mark it done. */
export const DIRECTIVE_COMMANDS = [
  z.object({
    type: z.literal("directive_send"),
    target: Target,
    cityId: CityIdSchema,
    text: NoteTextSchema,
    priority: AlarmPrioritySchema,
    wardCode: z.string().max(100).nullable(),
    location: LonLatSchema.nullable(),
    dueAt: IsoTimeSchema.nullable(),
    escalationId: z.string().max(240).nullable(),
  }),
  z.object({ type: z.literal("directive_acknowledge"), target: Target }),
  z.object({ type: z.literal("directive_done"), target: Target, note: NoteTextSchema }),
] as const;

export const DirectiveCommandSchema = z.discriminatedUnion("type", DIRECTIVE_COMMANDS);
export type DirectiveCommand = z.infer<typeof DirectiveCommandSchema>;

/** Pure: the directive after the command; the very same object when it is already so. */
export function applyDirectiveCommand(directive: Directive | null, command: DirectiveCommand, operator: Operator, at: string): Result<Directive> {
  if (operator.role === "viewer") return err("forbidden", `${operator.name} is signed in as a viewer; viewers cannot act on directives.`);
  if (command.type === "directive_send") {
    if (directive !== null) return directive.cityId === command.cityId && directive.text === command.text ? ok(directive) : err("conflict", `Directive ${command.target.id} already exists.`);
    const { cityId, text, priority, wardCode, location, dueAt, escalationId } = command;
    return ok({
      id: command.target.id,
      cityId,
      text,
      priority,
      wardCode,
      location,
      dueAt,
      escalationId,
      sentAt: at,
      sentByName: operator.name,
      state: "sent",
      deliveredAt: null,
      acknowledgedByName: null,
      acknowledgedAt: null,
      doneByName: null,
      doneAt: null,
      doneNote: null,
      reportedState: null,
    });
  }
  if (directive === null) return err("not_found", `Directive ${command.target.id} has not reached this centre.`);
  switch (command.type) {
    case "directive_acknowledge":
      if (directive.acknowledgedAt !== null) return ok(directive);
      return ok({ ...directive, state: "acknowledged", acknowledgedByName: operator.name, acknowledgedAt: at });
    case "directive_done":
      if (directive.doneAt !== null) return ok(directive);
      if (directive.acknowledgedAt === null) return err("conflict", "Acknowledge the directive before marking it done.");
      return ok({ ...directive, state: "done", doneByName: operator.name, doneAt: at, doneNote: command.note });
  }
}
