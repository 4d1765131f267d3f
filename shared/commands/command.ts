import { z } from "zod";
import { AlarmSchema } from "../domain/alarm.js";
import { BookmarkSchema } from "../domain/bookmark.js";
import { IsoTimeSchema } from "../domain/geo.js";
import { IncidentSchema } from "../domain/incident.js";
import { ProvinceEscalationSchema } from "../domain/province.js";
import { DirectiveSchema } from "../domain/directive.js";
import { DIRECTIVE_COMMANDS } from "./directive-commands.js";
import { CAMERA_COMMANDS } from "./camera-commands.js";
import { CameraSchema } from "../domain/camera.js";
import { IdSchema } from "../limits.js";
import { resultSchema } from "../result.js";
import { ALARM_COMMANDS, type AlarmCommand } from "./alarm-commands.js";
import { BOOKMARK_COMMANDS, type BookmarkCommand } from "./bookmark-commands.js";
import { ESCALATION_COMMANDS } from "./escalation-commands.js";
import { INCIDENT_COMMANDS, type IncidentCommand } from "./incident-commands.js";
import type { TargetKind } from "./target.js";

/**
 * One operator command: its type (unique across kinds), its target {kind, id} and what it carries.
 * A new kind of target adds its list of commands here; the pipeline needs nothing else.
 */
export const CommandSchema = z.discriminatedUnion("type", [...ALARM_COMMANDS, ...INCIDENT_COMMANDS, ...BOOKMARK_COMMANDS, ...ESCALATION_COMMANDS, ...DIRECTIVE_COMMANDS, ...CAMERA_COMMANDS]);
export type Command = z.infer<typeof CommandSchema>;

/** The commands of one kind of target. */
export type CommandOn<K extends TargetKind> = Extract<Command, { target: { kind: K } }>;

// Each kind's own union is the part of the whole one with its target kind.
const alarmCommandsAreTheAlarmPart: AlarmCommand extends CommandOn<"alarm"> ? (CommandOn<"alarm"> extends AlarmCommand ? true : never) : never = true;
const incidentCommandsAreTheIncidentPart: IncidentCommand extends CommandOn<"incident"> ? (CommandOn<"incident"> extends IncidentCommand ? true : never) : never = true;
const bookmarkCommandsAreTheBookmarkPart: BookmarkCommand extends CommandOn<"bookmark"> ? (CommandOn<"bookmark"> extends BookmarkCommand ? true : never) : never = true;
void alarmCommandsAreTheAlarmPart;
void bookmarkCommandsAreTheBookmarkPart;
void incidentCommandsAreTheIncidentPart;

export function isCommandOn<K extends TargetKind>(kind: K, command: Command): command is CommandOn<K> {
  return command.target.kind === kind;
}

/** A command as queued and sent: who took it, when, and the key that makes it apply at most once. */
export const CommandRequestSchema = z.object({
  /** Client-generated; the backend applies each key at most once and replays its first answer. */
  idempotencyKey: z.string().min(8).max(100),
  /** Who took the command; the backend checks it against the session's operator. */
  operatorId: IdSchema,
  at: IsoTimeSchema,
  command: CommandSchema,
});
export type CommandRequest = z.infer<typeof CommandRequestSchema>;

const TARGET_STATES = [
  z.object({ kind: z.literal("alarm"), entity: AlarmSchema }),
  z.object({ kind: z.literal("incident"), entity: IncidentSchema }),
  z.object({ kind: z.literal("bookmark"), entity: BookmarkSchema }),
  z.object({ kind: z.literal("escalation"), entity: ProvinceEscalationSchema }),
  z.object({ kind: z.literal("directive"), entity: DirectiveSchema }),
  z.object({ kind: z.literal("camera"), entity: CameraSchema }),
] as const;

/** A target after a command, as the console shows it (confirmed, or with its waiting commands laid over). */
export const TargetStateSchema = z.discriminatedUnion("kind", TARGET_STATES);
export type TargetState = z.infer<typeof TargetStateSchema>;

/** The target as the backend holds it after a command, with the change's sequence number. */
const seq = z.number().int().nonnegative();
export const ConfirmedSchema = z.discriminatedUnion("kind", [
  TARGET_STATES[0].extend({ seq }),
  TARGET_STATES[1].extend({ seq }),
  TARGET_STATES[2].extend({ seq }),
  TARGET_STATES[3].extend({ seq }),
  TARGET_STATES[4].extend({ seq }),
  TARGET_STATES[5].extend({ seq }),
]);
export type Confirmed = z.infer<typeof ConfirmedSchema>;

export const CommandResponseSchema = resultSchema(ConfirmedSchema);
export type CommandResponse = z.infer<typeof CommandResponseSchema>;

/**
 * What a command carries beyond its type and target (a comment's text, a shelve's reason...): what
 * the audit keeps. A camera's credentials are never kept: only whether they were set, removed or kept.
 */
export function commandParameters(command: Command): Record<string, unknown> {
  const parameters = Object.fromEntries(Object.entries(command).filter(([key]) => key !== "type" && key !== "target"));
  if ("settings" in command) {
    const { credentials, ...settings } = command.settings;
    parameters["settings"] = { ...settings, credentials: credentials === undefined ? "kept" : credentials === null ? "none" : "set" };
  }
  return parameters;
}

/** Omit over each member of a union (a command without its target, say), keeping the union. */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
