/**
 * Writes OSM XML from a few tagged ways and nodes: how tests and the map bench make the extracts
 * they run the street map build on, since no real extract of the city is at hand on these machines.
 */

export interface SyntheticWay {
  tags: Record<string, string>;
  points: readonly (readonly [number, number])[];
}

export interface SyntheticNode {
  tags: Record<string, string>;
  at: readonly [number, number];
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function tagsXml(tags: Record<string, string>): string {
  return Object.entries(tags)
    .map(([k, v]) => `    <tag k="${escapeXml(k)}" v="${escapeXml(v)}"/>`)
    .join("\n");
}

/**
 * OSM XML: nodes first, then ways (the order osmium and tilemaker expect). Ways that meet at a
 * point share its node, as in real data; a closed way ends on its first node.
 */
export function osmXml(ways: readonly SyntheticWay[], places: readonly SyntheticNode[] = []): string {
  let nextId = 1;
  const nodes: string[] = [];
  const wayXml: string[] = [];
  const byPosition = new Map<string, number>();
  const attrs = 'version="1" timestamp="2024-01-01T00:00:00Z"';
  const node = (lon: number, lat: number, tags: Record<string, string> = {}): number => {
    const id = nextId++;
    const body = tagsXml(tags);
    nodes.push(body === "" ? `  <node id="${id}" ${attrs} lat="${lat}" lon="${lon}"/>` : `  <node id="${id}" ${attrs} lat="${lat}" lon="${lon}">\n${body}\n  </node>`);
    return id;
  };
  const vertex = (lon: number, lat: number): number => {
    const key = `${lon},${lat}`;
    let id = byPosition.get(key);
    if (id === undefined) {
      id = node(lon, lat);
      byPosition.set(key, id);
    }
    return id;
  };
  for (const place of places) node(place.at[0], place.at[1], place.tags);
  for (const way of ways) {
    const refs = way.points.map(([lon, lat]) => vertex(lon, lat));
    wayXml.push(`  <way id="${nextId++}" ${attrs}>\n${refs.map((r) => `    <nd ref="${r}"/>`).join("\n")}\n${tagsXml(way.tags)}\n  </way>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="ioc-console">\n${nodes.join("\n")}\n${wayXml.join("\n")}\n</osm>\n`;
}
