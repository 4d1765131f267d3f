import type { Operator } from "../../../shared/domain/operator.js";
import type { ConsoleSessionState, IssuedSession } from "../../../shared/protocol/session.js";

interface Held {
  state: ConsoleSessionState;
  operator: Operator | null;
  issued: IssuedSession | null;
}

/**
 * The workstation's session with the backend, held in the core's memory only: the token never
 * reaches a renderer or the disk, so a restart signs the workstation out (queued actions stay,
 * attributed to whoever took them). Expiry is learnt from the backend's refusals.
 */
export class SessionKeeper {
  private held: Held = { state: "signed_out", operator: null, issued: null };
  private readonly listeners = new Set<() => void>();

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get state(): ConsoleSessionState {
    return this.held.state;
  }

  /** The signed-in operator (or whose session expired). */
  get operator(): Operator | null {
    return this.held.operator;
  }

  /** The operator who may act here now (their actions queue): signed in online or at this console. */
  get actingOperatorId(): string | null {
    if (this.held.state === "local") return this.held.operator?.id ?? null;
    return this.sendingOperatorId;
  }

  /** The operator whose actions may be sent now: signed in with the backend, past any one-time password. */
  get sendingOperatorId(): string | null {
    return this.held.state === "signed_in" && this.held.issued?.mustChangePassword === false ? (this.held.operator?.id ?? null) : null;
  }

  get issued(): IssuedSession | null {
    return this.held.state === "signed_in" ? this.held.issued : null;
  }

  /** The Authorization header value for backend calls, or null without a live session. */
  authorization(): string | null {
    return this.held.state === "signed_in" && this.held.issued !== null ? `Bearer ${this.held.issued.token}` : null;
  }

  signedIn(operator: Operator, issued: IssuedSession): void {
    this.set({ state: "signed_in", operator, issued });
  }

  /** Signed in at this console only (the backend unreachable): acts on the cache, sends nothing. */
  signedInLocally(operator: Operator): void {
    this.set({ state: "local", operator, issued: null });
  }

  passwordChanged(): void {
    if (this.held.issued === null) return;
    this.set({ ...this.held, issued: { ...this.held.issued, mustChangePassword: false } });
  }

  /** The operator's record changed (name, role) while signed in. */
  operatorUpdated(operator: Operator): void {
    if (this.held.operator?.id !== operator.id) return;
    this.set({ ...this.held, operator });
  }

  /**
   * The backend no longer knows the session that `authorization` belonged to (expired, revoked):
   * if it is still this workstation's, the same operator must sign in again.
   */
  expired(authorization: string): void {
    if (this.held.state !== "signed_in" || this.authorization() !== authorization) return;
    this.set({ state: "expired", operator: this.held.operator, issued: null });
  }

  signedOut(): void {
    this.set({ state: "signed_out", operator: null, issued: null });
  }

  private set(next: Held): void {
    this.held = next;
    for (const listener of this.listeners) {
      try {
        listener();
      } catch {
        // A listener of a console that is closing (its cache shut) must not undo the change.
      }
    }
  }
}
