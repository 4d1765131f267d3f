import { useEffect, useRef, useState } from "react";
import type { DashboardRange } from "../../../../../shared/dashboards/aggregate.js";
import { rangePeriod } from "../../../../../shared/dashboards/aggregate.js";
import type { DomainSample, SeriesDomain } from "../../../../../shared/domain/domain-sample.js";
import type { AppError } from "../../../../../shared/result.js";
import { useLiveState, useStore } from "../../../store/store-context.js";

export interface DomainSamplesState {
  samples: readonly DomainSample[];
  period: { from: Date; to: Date };
  /** False until the first answer for this domain and range. */
  loaded: boolean;
  error: AppError | null;
}

/** A domain's samples for a range, from the core's cache; read again when the live store says the domain moved. */
export function useDomainSamples(domain: SeriesDomain, range: DashboardRange): DomainSamplesState {
  const store = useStore();
  const [state, setState] = useState<DomainSamplesState>(() => ({ samples: [], period: rangePeriod(range, new Date()), loaded: false, error: null }));

  const revision = useLiveState((live) => live.domainRevisions[domain]);
  const shown = useRef<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const key = `${domain}:${range}`;
    // A new domain or range is loading; a newer revision of the same one keeps its figures until the answer.
    if (shown.current !== key) setState((s) => ({ ...s, loaded: false }));
    shown.current = key;
    const period = rangePeriod(range, new Date());
    void store.client.request({ type: "domain.samples", domain, from: period.from.toISOString(), to: period.to.toISOString() }).then((result) => {
      if (cancelled) return;
      setState(result.ok ? { samples: result.value, period, loaded: true, error: null } : (s) => ({ ...s, loaded: true, error: result.error }));
    });
    return () => {
      cancelled = true;
    };
  }, [store, domain, range, revision]);

  return state;
}
