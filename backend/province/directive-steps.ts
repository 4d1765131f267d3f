import { DIRECTIVE_STATE_RANK, type Directive } from "../../shared/domain/directive.js";
import type { DirectiveReport } from "../../shared/protocol/province.js";

/** Pure: what the city has to tell the province about a directive, or null when the province has it all. */
export function pendingReport(directive: Directive): DirectiveReport | null {
  if (directive.state === "sent") return null;
  if (directive.reportedState !== null && DIRECTIVE_STATE_RANK[directive.reportedState] >= DIRECTIVE_STATE_RANK[directive.state]) return null;
  const { id, state, deliveredAt, acknowledgedByName, acknowledgedAt, doneByName, doneAt, doneNote } = directive;
  return { id, state, deliveredAt, acknowledgedByName, acknowledgedAt, doneByName, doneAt, doneNote };
}

/** Pure: the province's copy after a city's report; the same object when it says nothing new (a resend). */
export function applyReport(directive: Directive, report: DirectiveReport): Directive {
  if (DIRECTIVE_STATE_RANK[report.state] <= DIRECTIVE_STATE_RANK[directive.state]) return directive;
  const { state, deliveredAt, acknowledgedByName, acknowledgedAt, doneByName, doneAt, doneNote } = report;
  return { ...directive, state, deliveredAt, acknowledgedByName, acknowledgedAt, doneByName, doneAt, doneNote };
}

/** Pure: the city's copy of a directive the province sent, as it arrives. */
export function receivedDirective(sent: Directive, at: string): Directive {
  return { ...sent, state: "delivered", deliveredAt: at, acknowledgedByName: null, acknowledgedAt: null, doneByName: null, doneAt: null, doneNote: null, reportedState: null };
}

/** Pure: the city's copy once the province confirmed a report (never moved back). */
export function withReported(directive: Directive, state: DirectiveReport["state"]): Directive {
  if (directive.reportedState !== null && DIRECTIVE_STATE_RANK[directive.reportedState] >= DIRECTIVE_STATE_RANK[state]) return directive;
  return { ...directive, reportedState: state };
}
