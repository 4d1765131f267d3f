import { DisplayRoleSchema, type DisplayRole } from "../../../../../shared/domain/workstation.js";

/** Shortcut digits and pop-out order: the panes first, then everything in one window, then the dashboards. */
export const ROLES: readonly DisplayRole[] = ["map", "wall", "alarms", "combined", "dashboards"];

/** The role this window plays, from its URL (?role=map|wall|alarms|combined|dashboards); anything else is combined. */
export function roleFromSearch(search: string): DisplayRole {
  const parsed = DisplayRoleSchema.safeParse(new URLSearchParams(search).get("role"));
  return parsed.success ? parsed.data : "combined";
}

/** The URL of the window for `role`, keeping the rest of the query (e.g. ?core= in development) of this page. */
export function roleUrl(href: string, role: DisplayRole): string {
  const url = new URL(href);
  url.searchParams.set("role", role);
  url.hash = "";
  return url.toString();
}

/** Each role's window has one name, so "pop out" twice brings the same window forward. */
export function windowNameFor(role: DisplayRole): string {
  return `ioc-${role}`;
}

export function showsPane(role: DisplayRole, pane: "map" | "wall" | "alarms"): boolean {
  return role === "combined" || role === pane;
}
