import type { Operator } from "../../../shared/domain/operator.js";
import { useLiveState } from "../store/store-context.js";

export function useOperator(): Operator | null {
  return useLiveState((s) => s.operator);
}
