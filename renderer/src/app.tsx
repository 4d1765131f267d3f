import { lazy, Suspense, useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Pane } from "./components/ui/pane.js";
import { PaneErrorBoundary } from "./components/ui/pane-error-boundary.js";
import { useLanguageFromSettings } from "./hooks/use-language.js";
import { retrying } from "./retrying-import.js";
import { AlarmQueue } from "./features/alarms/components/alarm-queue.js";
import { ProvinceQueue } from "./features/province/components/province-queue.js";
import { useCentre } from "./features/province/hooks/use-province.js";
import { StatusBar } from "./features/status/components/status-bar.js";
import { CamerasHost } from "./features/cameras/components/cameras-host.js";
import { BookmarksHost } from "./features/bookmarks/components/bookmarks-host.js";
import { PlaybackHost } from "./features/playback/components/playback-host.js";
import { useQueueFirst } from "./features/workstation/hooks/use-queue-first.js";
import { useWorkstationWindow } from "./features/workstation/hooks/use-workstation-window.js";
import { roleFromSearch, showsPane } from "./features/workstation/model/window-role.js";
import { WorkstationBar } from "./features/workstation/components/workstation-bar.js";
import { SessionBanner } from "./features/workstation/components/session-banner.js";
import { SessionGate } from "./features/workstation/components/session-gate.js";

// The map (maplibre + deck.gl) and the wall (hls.js) are most of the code: loading them
// after the first paint lets the alarm queue become usable sooner.
const MapPane = lazy(() => retrying(() => import("./features/map/components/map-pane.js")).then((m) => ({ default: m.MapPane })));
const DashboardsPane = lazy(() => retrying(() => import("./features/dashboards/components/dashboards-pane.js")).then((m) => ({ default: m.DashboardsPane })));
const WallPane = lazy(() => retrying(() => import("./features/wall/components/wall-pane.js")).then((m) => ({ default: m.WallPane })));

function LoadingPane({ testId, titleKey }: { testId: string; titleKey: string }) {
  const { t } = useTranslation();
  return (
    <Pane testId={testId} title={t(titleKey)} data-ready="false">
      <div className="pane-loading">
        <span className="spinner" aria-hidden="true" />
      </div>
    </Pane>
  );
}

/**
 * One window of the workstation, in the role its URL names (?role=map|wall|alarms|combined|dashboards).
 * Combined: map left, camera wall top right, alarm queue bottom right. Status bar along the bottom.
 */
export function App() {
  useLanguageFromSettings();
  const { t } = useTranslation();
  const role = useMemo(() => roleFromSearch(window.location.search), []);
  // A province's centre shows the cities' escalations where a city's shows its alarms.
  const centre = useCentre();
  const { hasKeyboard } = useWorkstationWindow(role);
  const heavyPanes = useQueueFirst(showsPane(role, "alarms"));
  useEffect(() => {
    document.title = `${t(`workstation.roles.${role}`)} — IOC Uông Bí`;
  }, [role, t]);
  return (
    <div className={`app app--${role}`} data-testid="app" data-role={role} data-has-keyboard={hasKeyboard ? "true" : "false"}>
      <WorkstationBar role={role} hasKeyboard={hasKeyboard} />
      <SessionBanner />
      <SessionGate>
      <main className="app__panes">
        {showsPane(role, "map") && (
          <div className="app__map">
            <PaneErrorBoundary testId="map-pane" titleKey="panes.map">
              {heavyPanes ? (
                <Suspense fallback={<LoadingPane testId="map-pane" titleKey="panes.map" />}>
                  <MapPane />
                </Suspense>
              ) : (
                <LoadingPane testId="map-pane" titleKey="panes.map" />
              )}
            </PaneErrorBoundary>
          </div>
        )}
        {showsPane(role, "wall") && (
          <div className="app__wall">
            <PaneErrorBoundary testId="wall-pane" titleKey="panes.wall">
              {heavyPanes ? (
                <Suspense fallback={<LoadingPane testId="wall-pane" titleKey="panes.wall" />}>
                  <WallPane />
                </Suspense>
              ) : (
                <LoadingPane testId="wall-pane" titleKey="panes.wall" />
              )}
            </PaneErrorBoundary>
          </div>
        )}
        {showsPane(role, "alarms") && (
          <div className="app__alarms">
            <PaneErrorBoundary testId="alarm-queue" titleKey="panes.alarms">
              {centre === "province" ? <ProvinceQueue /> : <AlarmQueue />}
            </PaneErrorBoundary>
          </div>
        )}
        {role === "dashboards" && (
          <div className="app__dashboards">
            <PaneErrorBoundary testId="dashboards-pane" titleKey="panes.dashboards">
              <Suspense fallback={<LoadingPane testId="dashboards-pane" titleKey="panes.dashboards" />}>
                <DashboardsPane />
              </Suspense>
            </PaneErrorBoundary>
          </div>
        )}
      </main>
      <PaneErrorBoundary testId="playback-panel" titleKey="playback.title">
        <PlaybackHost />
      </PaneErrorBoundary>
      <PaneErrorBoundary testId="bookmarks-panel" titleKey="bookmarks.title">
        <BookmarksHost />
      </PaneErrorBoundary>
      <PaneErrorBoundary testId="cameras-panel" titleKey="cameras.title">
        <CamerasHost />
      </PaneErrorBoundary>
      </SessionGate>
      <PaneErrorBoundary testId="status-bar" titleKey="panes.status">
        <StatusBar />
      </PaneErrorBoundary>
    </div>
  );
}
