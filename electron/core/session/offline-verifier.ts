import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { OperatorSchema, type Operator } from "../../../shared/domain/operator.js";

/**
 * What lets an operator sign in at this console while the backend cannot be reached: after each
 * online sign-in, an scrypt hash of the password the backend accepted, with the operator's record.
 * It opens only this console's cache and outbox (nothing is sent in an offline session), and it is
 * as strong as the password: the cache file must be protected like the workstation itself.
 */
const COST = { N: 16_384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

export const OfflineVerifierSchema = z.object({
  operator: OperatorSchema,
  salt: z.string(),
  hash: z.string(),
});
export type OfflineVerifier = z.infer<typeof OfflineVerifierSchema>;

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password.normalize("NFC"), salt, 32, COST, (error, key) => (error ? reject(error) : resolve(key))));
}

export async function makeOfflineVerifier(operator: Operator, password: string): Promise<OfflineVerifier> {
  const salt = randomBytes(16);
  return { operator, salt: salt.toString("base64"), hash: (await derive(password, salt)).toString("base64") };
}

export async function checkOfflineVerifier(verifier: OfflineVerifier, password: string): Promise<boolean> {
  const expected = Buffer.from(verifier.hash, "base64");
  const key = await derive(password, Buffer.from(verifier.salt, "base64"));
  return expected.length === key.length && timingSafeEqual(expected, key);
}
