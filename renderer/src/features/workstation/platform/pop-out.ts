import type { DisplayRole } from "../../../../../shared/domain/workstation.js";
import { placementFeatures, type ScreenLike } from "./screen-placement.js";
import { roleUrl, windowNameFor } from "../model/window-role.js";

interface ScreenDetailsLike {
  screens: readonly ScreenLike[];
}

/** Screens from the Window Management API, only where the operator already granted it (never a prompt mid-shift). */
async function grantedScreens(): Promise<readonly ScreenLike[] | null> {
  const getScreenDetails: unknown = Reflect.get(window, "getScreenDetails");
  if (typeof getScreenDetails !== "function") return null;
  try {
    const status = await navigator.permissions.query({ name: "window-management" as PermissionName });
    if (status.state !== "granted") return null;
    const details = (await getScreenDetails.call(window)) as ScreenDetailsLike;
    return details.screens;
  } catch {
    // Older browsers name the permission differently or refuse the query: no placement, not an error.
    return null;
  }
}

/**
 * Opens (or brings forward) the window of a role. Placed on the planner's screen where the
 * browser lets us; otherwise the browser picks, and the operator drags it where it belongs.
 */
export async function popOut(role: DisplayRole): Promise<boolean> {
  const url = roleUrl(window.location.href, role);
  const screens = await grantedScreens();
  const features = screens === null ? "popup,width=1280,height=800" : (placementFeatures(screens, role) ?? "popup");
  const opened = window.open(url, windowNameFor(role), features);
  opened?.focus();
  return opened !== null;
}
