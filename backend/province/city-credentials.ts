import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { CITY_AUTH_SCHEME, CitySecretSchema, type ProvinceCity } from "../../shared/protocol/province.js";
import { CityIdSchema } from "../../shared/domain/province.js";
import { err, ok, type Result } from "../../shared/result.js";

/** A city the province accepts, with its secret as given by flag or environment (never logged). */
export interface CityAccount extends ProvinceCity {
  secret: string;
}

interface HeldCity extends ProvinceCity {
  /** HMAC of the secret under this process's own key: compared in constant time, never logged. */
  mac: Buffer;
}

/**
 * The province's cities and their secrets; checks `Authorization: City <id>:<secret>`. The secrets
 * are long and random (not passwords a person chose), and the province holds them in memory anyway
 * to sign its camera-share credentials, so a slow hash would protect nothing here: it would only let
 * anyone make the province burn a core and 16 MiB per wrong guess. A keyed digest costs microseconds.
 */
export class CityCredentials {
  private readonly key = randomBytes(32);
  private readonly cities = new Map<string, HeldCity>();
  /** Compared against for a city that does not exist, so it costs what a wrong secret costs. */
  private readonly nobody: Buffer;

  private constructor(accounts: readonly CityAccount[]) {
    for (const account of accounts) this.cities.set(account.id, { id: account.id, name: account.name, mac: this.macOf(account.secret) });
    this.nobody = this.macOf(randomBytes(32).toString("hex"));
  }

  static async create(accounts: readonly CityAccount[]): Promise<CityCredentials> {
    return new CityCredentials(accounts);
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
    // One answer, and the same work, for an unknown city and a wrong secret: the link does not tell which cities exist.
    const matches = timingSafeEqual(this.macOf(secret.data), city?.mac ?? this.nobody);
    if (city === undefined || !matches) return err("unauthenticated", `City ${id.data} is not known here or its secret is wrong.`);
    return ok({ id: city.id, name: city.name });
  }

  private macOf(secret: string): Buffer {
    return createHmac("sha256", this.key).update(secret, "utf8").digest();
  }
}
