import { PRIORITY_RANK, type AlarmPriority } from "../../../../../shared/domain/alarm.js";
import type { Directive } from "../../../../../shared/domain/directive.js";

/** What a city operator still has to do with a directive: acknowledge it, finish it, or nothing. */
export type DirectiveStep = "acknowledge" | "done" | "none";

export function nextStep(directive: Directive): DirectiveStep {
  if (directive.acknowledgedAt === null) return "acknowledge";
  return directive.doneAt === null ? "done" : "none";
}

const STEP_RANK: Record<DirectiveStep, number> = { acknowledge: 0, done: 1, none: 2 };

/**
 * Pure: the order a city's queue shows directives in: those to acknowledge first, then those being
 * worked, then the done ones; within each, the highest priority, then the earliest due, then the oldest.
 */
export function orderDirectives(directives: Iterable<Directive>): Directive[] {
  const dueKey = (d: Directive) => d.dueAt ?? "\uffff";
  return [...directives].sort(
    (a, b) =>
      STEP_RANK[nextStep(a)] - STEP_RANK[nextStep(b)] ||
      PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
      (dueKey(a) < dueKey(b) ? -1 : dueKey(a) > dueKey(b) ? 1 : 0) ||
      (a.sentAt < b.sentAt ? -1 : a.sentAt > b.sentAt ? 1 : 0),
  );
}

/** Pure: due and not done by `now`. */
export function isOverdue(directive: Directive, now: number): boolean {
  return directive.dueAt !== null && directive.doneAt === null && Date.parse(directive.dueAt) < now;
}

/** Pure: how many directives still wait for an acknowledgement. */
export function countToAcknowledge(directives: Iterable<Directive>): number {
  let count = 0;
  for (const directive of directives) if (directive.acknowledgedAt === null) count++;
  return count;
}

/**
 * Pure: the tone for directives that arrived since the previous look (ids not seen before, not yet
 * acknowledged): the highest priority among them, or null. The first look (previousIds null) hears
 * nothing: a reload must not sound every cached directive again.
 */
export function toneForNewDirectives(previousIds: ReadonlySet<string> | null, directives: ReadonlyMap<string, Directive>): AlarmPriority | null {
  if (previousIds === null) return null;
  let tone: AlarmPriority | null = null;
  for (const [id, directive] of directives) {
    if (previousIds.has(id) || directive.acknowledgedAt !== null) continue;
    if (tone === null || PRIORITY_RANK[directive.priority] < PRIORITY_RANK[tone]) tone = directive.priority;
  }
  return tone;
}
