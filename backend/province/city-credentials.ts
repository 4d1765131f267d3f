import { createHash, timingSafeEqual } from "node:crypto";
import { CITY_AUTH_SCHEME, CitySecretSchema, type ProvinceCity } from "../../shared/protocol/province.js";
import { CityIdSchema } from "../../shared/domain/province.js";
import { err, ok, type Result } from "../../shared/result.js";
import { hashPassword, verifyPassword } from "../auth/password-hash.js";

/** A city the province accepts, with its secret as given by flag or environment (never logged). */
export interface CityAccount extends ProvinceCity {
  secret: string;
}

interface HeldCity extends ProvinceCity {
  /** scrypt, as operators' passwords: the plain secret is dropped once hashed. */
  hash: string;
  /** sha256 of the secret last verified with scrypt, so a busy uplink is not paying scrypt per request. */
  verifiedDigest: Buffer | null;
}

const digest = (secret: string) => createHash("sha256").update(secret, "utf8").digest();

/** The province's cities and their hashed secrets; checks `Authorization: City <id>:<secret>`. */
export class CityCredentials {
  private constructor(private readonly cities: Map<string, HeldCity>) {}

  static async create(accounts: readonly CityAccount[]): Promise<CityCredentials> {
    const cities = new Map<string, HeldCity>();
    for (const account of accounts) cities.set(account.id, { id: account.id, name: account.name, hash: await hashPassword(account.secret), verifiedDigest: null });
    return new CityCredentials(cities);
  }

  list(): ProvinceCity[] {
    return [...this.cities.values()].map(({ id, name }) => ({ id, name }));
  }

  async verify(header: string | undefined): Promise<Result<ProvinceCity>> {
    const refused = err("unauthenticated", "This link needs a city's credentials: Authorization: City <cityId>:<secret>.");
    if (header === undefined || !header.startsWith(`${CITY_AUTH_SCHEME} `)) return refused;
    const credential = header.slice(CITY_AUTH_SCHEME.length + 1);
    const colon = credential.indexOf(":");
    const id = CityIdSchema.safeParse(credential.slice(0, colon));
    const secret = CitySecretSchema.safeParse(credential.slice(colon + 1));
    if (colon < 0 || !id.success || !secret.success) return refused;
    const city = this.cities.get(id.data);
    // One answer for an unknown city and a wrong secret: the link does not tell which cities exist.
    const wrong = err("unauthenticated", `City ${id.data} is not known here or its secret is wrong.`);
    if (city === undefined) return wrong;
    const given = digest(secret.data);
    if (city.verifiedDigest !== null && timingSafeEqual(city.verifiedDigest, given)) return ok({ id: city.id, name: city.name });
    if (!(await verifyPassword(secret.data, city.hash))) return wrong;
    city.verifiedDigest = given;
    return ok({ id: city.id, name: city.name });
  }
}
