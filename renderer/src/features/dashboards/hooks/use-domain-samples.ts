import { useEffect, useRef, useState } from "react";
import type { DashboardRange } from "../../../../../shared/dashboards/aggregate.js";
import { rangePeriod } from "../../../../../shared/dashboards/aggregate.js";
import type { DomainSample, SeriesDomain } from "../../../../../shared/domain/domain-sample.js";
import type { AppError } from "../../../../../shared/result.js";
import { useLiveState, useStore } from "../../../store/store-context.js";
import { layChangedSamples } from "../model/changed-samples.js";

export interface DomainSamplesState {
  samples: readonly DomainSample[];
  period: { from: Date; to: Date };
  /** False until the first answer for this domain and range. */
  loaded: boolean;
  error: AppError | null;
}

/** Which domain and range a read was for, and the live store's revision of that domain then. */
interface Read {
  key: string;
  revision: number;
}

/**
 * A domain's samples for a range, from the core's cache. When the live store names every sample that
 * moved since what is shown (live ticks), they are laid over it; otherwise (a catch-up, a new hour)
 * the period is read again. A read in flight
 * is never abandoned for a newer revision of the same view: under a tick every second, a read slower
 * than a second would otherwise never finish.
 */
export function useDomainSamples(domain: SeriesDomain, range: DashboardRange): DomainSamplesState {
  const store = useStore();
  const [state, setState] = useState<DomainSamplesState>(() => ({ samples: [], period: rangePeriod(range, new Date()), loaded: false, error: null }));
  const latest = useLiveState((live) => live.domainRevisions[domain]);
  const shown = useRef<Read | null>(null);
  const inFlight = useRef<Read | null>(null);
  const current = useRef(state);
  current.current = state;
  // Bumped when a read is answered, so the effect looks again at what moved meanwhile.
  const [answers, setAnswers] = useState(0);

  useEffect(() => {
    const key = `${domain}:${range}`;
    const onScreen = shown.current?.key === key ? shown.current : null;
    if (onScreen !== null && onScreen.revision === latest.revision) return;
    if (onScreen !== null && latest.changed !== null && onScreen.revision >= latest.base) {
      const laid = layChangedSamples(current.current.samples, latest.changed, current.current.period);
      if (laid !== null) {
        shown.current = { key, revision: latest.revision };
        setState((s) => ({ ...s, samples: laid }));
        return;
      }
    }
    if (inFlight.current?.key === key) return;
    // A new domain or range is loading; a newer revision of the same one keeps its figures until the answer.
    if (onScreen === null) setState((s) => ({ ...s, loaded: false }));
    const read: Read = { key, revision: latest.revision };
    inFlight.current = read;
    const period = rangePeriod(range, new Date());
    void store.client.request({ type: "domain.samples", domain, from: period.from.toISOString(), to: period.to.toISOString() }).then((result) => {
      if (inFlight.current !== read) return;
      inFlight.current = null;
      shown.current = read;
      setState(result.ok ? { samples: result.value, period, loaded: true, error: null } : (s) => ({ ...s, loaded: true, error: result.error }));
      setAnswers((n) => n + 1);
    });
  }, [store, domain, range, latest, answers]);

  return state;
}
