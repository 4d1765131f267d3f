import type { Operator } from "../../../shared/domain/operator.js";
import { assertNever, err, ok, type Result } from "../../../shared/result.js";
import type { SessionKeeper } from "./session-keeper.js";

/**
 * The operator who acts now: signed in, and past any one-time password. Commands are refused here
 * rather than queued under nobody's name.
 */
export function actingOperator(session: SessionKeeper): Result<Operator> {
  const operator = session.operator;
  switch (session.state) {
    case "signed_in":
      if (operator === null) return err("unauthenticated", "Sign in to act.");
      if (session.actingOperatorId === null) return err("forbidden", "Choose a new password first: you signed in with a one-time password.");
      return ok(operator);
    case "local":
      return operator === null ? err("unauthenticated", "Sign in to act.") : ok(operator);
    case "expired":
      return err("unauthenticated", `${operator?.name ?? "The operator"}'s session has ended: sign in again to act (queued actions are kept).`);
    case "signed_out":
      return err("unauthenticated", "Nobody is signed in at this console: sign in to act.");
    default:
      return assertNever(session.state);
  }
}
