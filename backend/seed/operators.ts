import type { Operator } from "../../shared/domain/operator.js";

/** The operations centre's staff on the reference backend. */
export const SEED_OPERATORS: readonly Operator[] = [
  { id: "op-01", name: "Nguyễn Thị Lan", role: "operator" },
  { id: "op-02", name: "Trần Văn Minh", role: "operator" },
  { id: "sup-01", name: "Phạm Quốc Huy", role: "supervisor" },
  { id: "view-01", name: "Lê Thu Hà", role: "viewer" },
];
