import type { Directive } from "../../../../../shared/domain/directive.js";

/**
 * Pure: the directives that answer one escalation of a record of this city, oldest first. An
 * escalation's key is `<city>~<record>~<n>`: the n-th escalation of that record, compared whole
 * with the city each directive is addressed to.
 */
export function directivesAnswering(directives: Iterable<Directive>, recordId: string, index: number): Directive[] {
  return [...directives].filter((d) => d.escalationId === `${d.cityId}~${recordId}~${index}`).sort((a, b) => (a.sentAt < b.sentAt ? -1 : a.sentAt > b.sentAt ? 1 : 0));
}

/** Pure: the id of this city's record (an alarm or an incident) whose escalation the directive answers; null when it answers none. */
export function answeredRecordId(directive: Directive): string | null {
  const prefix = `${directive.cityId}~`;
  const key = directive.escalationId;
  if (key === null || !key.startsWith(prefix)) return null;
  const last = key.lastIndexOf("~");
  if (last < prefix.length || !/^\d+$/.test(key.slice(last + 1))) return null;
  return key.slice(prefix.length, last) || null;
}
