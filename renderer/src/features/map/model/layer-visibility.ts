/** The operator's layer toggles; all on except the heatmap (a view for review, not for watching). */
export interface LayerVisibility {
  cameras: boolean;
  sensors: boolean;
  alarms: boolean;
  incidents: boolean;
  heatmap: boolean;
}

export type LayerKey = keyof LayerVisibility;

export const LAYER_KEYS: readonly LayerKey[] = ["alarms", "cameras", "sensors", "incidents", "heatmap"];

export const DEFAULT_VISIBILITY: LayerVisibility = { cameras: true, sensors: true, alarms: true, incidents: true, heatmap: false };

export function toggleLayer(visibility: LayerVisibility, key: LayerKey): LayerVisibility {
  return { ...visibility, [key]: !visibility[key] };
}
