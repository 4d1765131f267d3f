import { randomInt } from "node:crypto";
import { demoPasswordOf } from "../../shared/demo-city.js";
import type { Operator } from "../../shared/domain/operator.js";
import { hashPassword } from "../auth/password-hash.js";
import type { BackendStore } from "../store/backend-store.js";
import { SEED_OPERATORS } from "./operators.js";


/** Gives each demo operator its known password, once; a password set since is kept. */
export async function ensureDemoPasswords(store: BackendStore, now: Date, operators: readonly Operator[] = SEED_OPERATORS): Promise<number> {
  let added = 0;
  for (const operator of operators) {
    if ((await store.sessions.credentials(operator.id)) !== null) continue;
    const audit = [{ at: now.toISOString(), operatorId: "system", action: "password.set", targetKind: null, targetId: operator.id, outcome: "applied" as const, detail: { demo: true } }];
    await store.sessions.setCredentials(operator.id, { passwordHash: await hashPassword(demoPasswordOf(operator.id)), mustChange: false }, now.toISOString(), audit);
    added += 1;
  }
  return added;
}

/** The first supervisor of a real city's backend. */
export const FIRST_SUPERVISOR: Operator = { id: "supervisor", name: "Giám sát viên", role: "supervisor" };

const PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** 4 groups of 5 from an unambiguous alphabet: about 99 bits, easy to read off a terminal. */
export function oneTimePassword(): string {
  const group = () => Array.from({ length: 5 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join("");
  return [group(), group(), group(), group()].join("-");
}

/**
 * On a store nobody can sign in to yet, makes the first supervisor with a one-time password and
 * returns it (to be shown once, never stored in clear); null when accounts exist already.
 */
export async function ensureFirstSupervisor(store: BackendStore, now: Date): Promise<string | null> {
  if ((await store.sessions.credentialCount()) > 0) return null;
  const password = oneTimePassword();
  await store.commit([{ entity: "operator", op: "upsert", id: FIRST_SUPERVISOR.id, data: FIRST_SUPERVISOR }]);
  const audit = [{ at: now.toISOString(), operatorId: "system", action: "password.set", targetKind: null, targetId: FIRST_SUPERVISOR.id, outcome: "applied" as const, detail: { oneTime: true } }];
  await store.sessions.setCredentials(FIRST_SUPERVISOR.id, { passwordHash: await hashPassword(password), mustChange: true }, now.toISOString(), audit);
  return password;
}
