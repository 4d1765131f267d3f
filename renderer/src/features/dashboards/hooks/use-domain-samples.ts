import { useEffect, useState } from "react";
import type { DashboardRange } from "../../../../../shared/dashboards/aggregate.js";
import { rangePeriod } from "../../../../../shared/dashboards/aggregate.js";
import type { DomainSample, SeriesDomain } from "../../../../../shared/domain/domain-sample.js";
import type { AppError } from "../../../../../shared/result.js";
import { useStore } from "../../../store/store-context.js";

export interface DomainSamplesState {
  samples: readonly DomainSample[];
  period: { from: Date; to: Date };
  /** False until the first answer for this domain and range. */
  loaded: boolean;
  error: AppError | null;
}

/** A domain's samples for a range, from the core's cache; read again when the core says the domain moved. */
export function useDomainSamples(domain: SeriesDomain, range: DashboardRange): DomainSamplesState {
  const store = useStore();
  const [state, setState] = useState<DomainSamplesState>(() => ({ samples: [], period: rangePeriod(range, new Date()), loaded: false, error: null }));

  useEffect(() => {
    let cancelled = false;
    let generation = 0;
    const load = () => {
      const mine = ++generation;
      const period = rangePeriod(range, new Date());
      void store.client.request({ type: "domain.samples", domain, from: period.from.toISOString(), to: period.to.toISOString() }).then((result) => {
        if (cancelled || mine !== generation) return;
        setState(result.ok ? { samples: result.value, period, loaded: true, error: null } : (s) => ({ ...s, loaded: true, error: result.error }));
      });
    };
    setState((s) => ({ ...s, loaded: false }));
    const off = store.client.onEvent((event) => {
      if (event.type === "bulk.changed" || (event.type === "domain.changed" && event.domains.includes(domain))) load();
    });
    load();
    return () => {
      cancelled = true;
      off();
    };
  }, [store, domain, range]);

  return state;
}
