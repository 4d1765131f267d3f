import { BrowserWindow, screen } from "electron";
import Store from "electron-store";
import { z } from "zod";
import { WindowAssignmentSchema, type DisplayInfo, type DisplayRole, type WindowAssignment } from "../../shared/domain/workstation.js";
import { assignmentsFromPlan, planWindows, recordPlacement, type PlannedWindow } from "../../shared/workstation/display-planner.js";

interface RoleWindow {
  win: BrowserWindow;
  role: DisplayRole;
}

/**
 * One window per role on its display, kept thin: the planning is shared/workstation's pure
 * planner. Placements live in electron-store ("workstation-layout") and are restored at start;
 * displays plugged in or out mid-shift re-plan at once. Only the operator's own moves are saved,
 * so a window pushed aside by an unplugged display goes back when the display returns.
 */
export class WorkstationWindows {
  private readonly windows = new Map<string, RoleWindow>();
  private readonly layout = new Store<{ assignments: unknown }>({ name: "workstation-layout", defaults: { assignments: [] } });
  private applying = false;

  constructor(private readonly createWindow: (role: DisplayRole) => BrowserWindow) {}

  start(): void {
    this.apply();
    const replan = () => this.apply();
    screen.on("display-added", replan);
    screen.on("display-removed", replan);
    screen.on("display-metrics-changed", replan);
  }

  all(): BrowserWindow[] {
    return [...this.windows.values()].map((w) => w.win).filter((w) => !w.isDestroyed());
  }

  /** A workstation shortcut asked for a role: its window comes forward (the combined one on a single screen). */
  focusRole(role: DisplayRole): void {
    const entry = [...this.windows.values()].find((w) => w.role === role) ?? [...this.windows.values()].find((w) => w.role === "combined");
    if (entry === undefined || entry.win.isDestroyed()) return;
    if (entry.win.isMinimized()) entry.win.restore();
    entry.win.show();
    entry.win.focus();
  }

  private displays(): DisplayInfo[] {
    const primary = screen.getPrimaryDisplay().id;
    return screen.getAllDisplays().map((d) => ({ id: String(d.id), bounds: d.bounds, workArea: d.workArea, primary: d.id === primary }));
  }

  private saved(): WindowAssignment[] {
    const parsed = z.array(WindowAssignmentSchema).safeParse(this.layout.get("assignments"));
    // A damaged layout file costs the operator their placement, never the windows.
    return parsed.success ? parsed.data : [];
  }

  private apply(): void {
    const displays = this.displays();
    const saved = this.saved();
    const plan = planWindows(displays, saved);
    this.applying = true;
    try {
      for (const planned of plan) this.place(planned);
      const keys = new Set(plan.map((p) => p.key));
      for (const [key, entry] of this.windows) {
        if (!keys.has(key) && !entry.win.isDestroyed()) entry.win.close();
      }
    } finally {
      this.applying = false;
    }
    if (saved.length === 0) this.layout.set("assignments", assignmentsFromPlan(plan, displays));
  }

  private place(planned: PlannedWindow): void {
    let entry = this.windows.get(planned.key);
    if (entry === undefined || entry.win.isDestroyed()) {
      const win = this.createWindow(planned.role);
      entry = { win, role: planned.role };
      this.windows.set(planned.key, entry);
      win.on("closed", () => this.windows.delete(planned.key));
      const remember = () => this.remember(planned.key);
      win.on("moved", remember);
      win.on("resized", remember);
      win.on("enter-full-screen", remember);
      win.on("leave-full-screen", remember);
    }
    if (entry.win.isFullScreen() && !planned.fullscreen) entry.win.setFullScreen(false);
    entry.win.setBounds(planned.bounds);
    if (planned.fullscreen) entry.win.setFullScreen(true);
  }

  private remember(key: string): void {
    if (this.applying) return;
    const entry = this.windows.get(key);
    if (entry === undefined || entry.win.isDestroyed()) return;
    const placed = { key, role: entry.role, bounds: entry.win.getNormalBounds(), fullscreen: entry.win.isFullScreen() };
    this.layout.set("assignments", recordPlacement(this.saved(), this.displays(), placed));
  }
}
