import type { Directive } from "../../../../../shared/domain/directive.js";

/**
 * Pure: the directives that answer one escalation of a record of this city, oldest first. An
 * escalation's key is `<city>~<record>~<n>`: the n-th escalation of that record.
 */
export function directivesAnswering(directives: Iterable<Directive>, recordId: string, index: number): Directive[] {
  const suffix = `~${recordId}~${index}`;
  return [...directives].filter((d) => d.escalationId !== null && d.escalationId.endsWith(suffix) && !d.escalationId.slice(0, -suffix.length).includes("~")).sort((a, b) => (a.sentAt < b.sentAt ? -1 : a.sentAt > b.sentAt ? 1 : 0));
}
