import { hashPassword } from "../auth/password-hash.js";
import type { BackendStore } from "../store/backend-store.js";
import { SEED_OPERATORS } from "./operators.js";

/**
 * The reference backend's demo passwords: "uongbi-" + the operator id (e.g. op-01 → "uongbi-op-01").
 * A simulator, not a real directory: a production backend takes passwords from its operators.
 */
export function seedPasswordOf(operatorId: string): string {
  return `uongbi-${operatorId}`;
}

/** Gives each seeded operator its demo password, once; a password set since is kept. */
export async function ensureSeedPasswords(store: BackendStore, now: Date): Promise<number> {
  let added = 0;
  for (const operator of SEED_OPERATORS) {
    if ((await store.getPasswordHash(operator.id)) !== null) continue;
    await store.setPasswordHash(operator.id, await hashPassword(seedPasswordOf(operator.id)), now.toISOString());
    added += 1;
  }
  return added;
}
