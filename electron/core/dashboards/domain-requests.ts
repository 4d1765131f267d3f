import { MAX_DOMAIN_SAMPLES } from "../../../shared/protocol/dashboards-api.js";
import type { RequestOf } from "../../../shared/protocol/console-api.js";
import { err, ok, type Result } from "../../../shared/result.js";
import type { CacheStore } from "../cache/cache-store.js";
import type { DomainSample } from "../../../shared/domain/domain-sample.js";

/**
 * The dashboards' console API: samples come from the local cache, so dashboards and reports work
 * offline. Like the rest of the city's data, only for a signed-in operator.
 */
export function answerDomainSamples(request: RequestOf<"domain.samples">, store: CacheStore, signedIn: boolean): Result<DomainSample[]> {
  if (!signedIn) return err("unauthenticated", "Sign in to see the city's dashboards.");
  if (new Date(request.from).getTime() >= new Date(request.to).getTime()) {
    return err("invalid_request", "The period's start must come before its end.");
  }
  const from = new Date(request.from).toISOString();
  const to = new Date(request.to).toISOString();
  return ok(store.domainSamples(request.domain, from, to, MAX_DOMAIN_SAMPLES));
}
