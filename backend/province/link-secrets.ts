import { CitySecretSchema } from "../../shared/protocol/province.js";
import { err, ok, type Result } from "../../shared/result.js";
import type { CityLink, ProvinceLink } from "../app.js";

/** The variable a province reads a city's secret from: IOC_CITY_SECRET_UONG_BI for uong-bi. */
export const citySecretVariable = (cityId: string): string => `IOC_CITY_SECRET_${cityId.toUpperCase().replaceAll("-", "_")}`;
/** The variable a city's backend reads its own secret from. */
export const OWN_SECRET_VARIABLE = "IOC_CITY_SECRET";

interface LinkArgs {
  role: "city" | "province";
  cities: ReadonlyArray<{ id: string; name: string }>;
  provinceUrl: string | undefined;
  cityId: string | undefined;
  uplinkIntervalMs?: number | undefined;
}

const secretProblem = (variable: string) => `${variable} must hold the city's secret (16 to 200 characters); it is read from the environment so it never shows in a process list.`;

/** Pure: the link options with their secrets from the environment, or one sentence naming the variable to set (never its value). */
export function resolveLink(args: LinkArgs, env: Readonly<Record<string, string | undefined>>): Result<ProvinceLink | CityLink | undefined> {
  if (args.role === "province") {
    const cities = [];
    for (const city of args.cities) {
      const variable = citySecretVariable(city.id);
      const secret = CitySecretSchema.safeParse(env[variable]);
      if (!secret.success) return err("invalid_request", secretProblem(variable));
      cities.push({ ...city, secret: secret.data });
    }
    return ok({ role: "province", cities });
  }
  if (args.provinceUrl === undefined || args.cityId === undefined) return ok(undefined);
  const secret = CitySecretSchema.safeParse(env[OWN_SECRET_VARIABLE]);
  if (!secret.success) return err("invalid_request", secretProblem(OWN_SECRET_VARIABLE));
  return ok({ role: "city", cityId: args.cityId, provinceUrl: args.provinceUrl, secret: secret.data, ...(args.uplinkIntervalMs === undefined ? {} : { updatesIntervalMs: args.uplinkIntervalMs }) });
}
