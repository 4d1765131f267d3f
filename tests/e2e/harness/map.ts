import type { Page } from "@playwright/test";

declare global {
  interface Window {
    __iocMap?: { project(lngLat: [number, number]): { x: number; y: number }; getCenter(): { lng: number; lat: number }; getZoom(): number };
  }
}

/** Page coordinates of a geographic point on the console's map. */
export async function projectToPage(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const map = window.__iocMap;
    if (!map) throw new Error("window.__iocMap is not set");
    const p = map.project(ll);
    const canvas = document.querySelector('[data-testid="map-pane"] canvas');
    const rect = (canvas ?? document.body).getBoundingClientRect();
    return { x: rect.left + p.x, y: rect.top + p.y };
  }, lngLat);
}

export async function mapCenter(page: Page): Promise<{ lng: number; lat: number }> {
  return page.evaluate(() => {
    const c = window.__iocMap!.getCenter();
    return { lng: c.lng, lat: c.lat };
  });
}
