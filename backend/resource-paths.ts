import { fileURLToPath } from "node:url";

/** Read-only resources shipped with the repository, found relative to this file (no build step). */
const RESOURCES_DIR = fileURLToPath(new URL("../resources/", import.meta.url));

export const WARDS_GEOJSON_PATH = `${RESOURCES_DIR}geodata/uong-bi-wards.geojson`;
/** Has the Vietnamese diacritics the camera names need. */
export const OVERLAY_FONT_PATH = `${RESOURCES_DIR}fonts/DejaVuSans-Bold.ttf`;
