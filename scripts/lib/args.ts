import { parseArgs } from "node:util";

/** The flags shared by `npm run serve` and `npm start`. */
export function parseConsoleArgs(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string", default: "8421" },
      host: { type: "string", default: "127.0.0.1" },
      "backend-url": { type: "string" },
      "backend-fallback-url": { type: "string", multiple: true },
      "backend-port": { type: "string", default: "8420" },
      "data-dir": { type: "string", default: ".cache/console" },
      "backend-data-dir": { type: "string", default: ".cache/backend" },
      "no-video": { type: "boolean", default: false },
      "no-simulator": { type: "boolean", default: false },
      "alarm-interval-ms": { type: "string" },
      operator: { type: "string" },
      demo: { type: "boolean", default: false },
      province: { type: "boolean", default: false },
      "backend-ca": { type: "string" },
      "cache-quota-mb": { type: "string" },
      "street-map": { type: "string" },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  return values;
}

export const USAGE = `Options:
  --port N               console web server port (default 8421; 0 = any free port)
  --host H               address to listen on (default 127.0.0.1)
  --backend-url URL      use this central backend instead of starting the embedded reference backend
  --backend-fallback-url URL  another instance of that backend (same database), tried when it cannot be reached; repeatable
  --backend-port N       port of the embedded backend (default 8420)
  --data-dir DIR         console cache and settings (default .cache/console)
  --backend-data-dir DIR embedded backend's store and video cache (default .cache/backend)
  --no-video             embedded backend without camera video (no ffmpeg)
  --no-simulator         embedded backend without the city simulator
  --alarm-interval-ms N  how often the simulator raises an alarm
  --backend-ca FILE      the CA certificate (PEM) that signed an https backend's certificate (a city's own PKI)
  --cache-quota-mb N     most the console's cache may take on disk; past it actions are refused, never lost
  --street-map FILE      the city's street map (default resources/basemap/city.mbtiles, made by npm run basemap)
  --demo                 the demo city: its operators have known passwords (uongbi-<id>, see README);
                         the embedded backend also opens its simulator controls to supervisors
  --operator ID          with --demo only: sign this demo operator in at start, without typing the password
  --province             the whole chain on one machine: the province's backend (port +10) and two linked
                         cities, Uông Bí (the backend port) and Cẩm Phả (+20, synthetic wards), each with
                         its own store under BACKEND_DATA_DIR-province; serve gives each a console (port,
                         +10, +20); link secrets are made per run and never shown`;
