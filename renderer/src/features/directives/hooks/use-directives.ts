import { useMemo } from "react";
import type { Directive } from "../../../../../shared/domain/directive.js";
import { useLiveState } from "../../../store/store-context.js";
import { orderDirectives } from "../model/directive-queue.js";

/** The province's directives to this city, in the order the queue shows them. */
export function useDirectives(): Directive[] {
  const directives = useLiveState((s) => s.directives);
  return useMemo(() => orderDirectives(directives.values()), [directives]);
}
