import type { Ward } from "../../../../../shared/domain/ward.js";
import { wardRecordId } from "../../../../../shared/domain/ward.js";

export interface WardOption {
  /** The city's own code for it, as the directive carries it. */
  code: string;
  name: string;
}

/** Pure: the wards a directive to this city may name: those the city told the province, by name. */
export function cityWardOptions(wards: Iterable<Ward>, cityId: string): WardOption[] {
  const options: WardOption[] = [];
  for (const ward of wards) if (ward.cityId === cityId) options.push({ code: ward.code, name: ward.name });
  return options.sort((a, b) => a.name.localeCompare(b.name, "vi"));
}

/** Pure: the ward a new draft starts with: the escalation's, when the city's list has it; none otherwise. */
export function initialWard(options: readonly WardOption[], wardCode: string | null): string {
  return wardCode !== null && options.some((o) => o.code === wardCode) ? wardCode : "";
}

/** Pure: a city's ward by name, as the province's map holds it; its code when the province does not know it. */
export function provinceWardName(wards: ReadonlyMap<string, Ward>, cityId: string, code: string): string {
  return wards.get(wardRecordId({ cityId, code }))?.name ?? code;
}
