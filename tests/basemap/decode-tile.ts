import { VectorTile } from "@mapbox/vector-tile";
import { PbfReader } from "pbf";

/** Tile coordinates (XYZ, from the north) of a point at a zoom, as maplibre asks for them. */
export function tileAt(lon: number, lat: number, z: number): { z: number; x: number; y: number } {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return { z, x, y };
}

/** Each layer of a vector tile with its features' properties (the decoder maplibre itself uses). */
export function decodeTile(bytes: Uint8Array): Map<string, Record<string, string | number | boolean>[]> {
  const tile = new VectorTile(new PbfReader(bytes));
  const layers = new Map<string, Record<string, string | number | boolean>[]>();
  for (const [name, layer] of Object.entries(tile.layers)) {
    const features: Record<string, string | number | boolean>[] = [];
    for (let i = 0; i < layer.length; i++) features.push(layer.feature(i).properties);
    layers.set(name, features);
  }
  return layers;
}
