import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Pane } from "./components/ui/pane.js";
import { PaneErrorBoundary } from "./components/ui/pane-error-boundary.js";
import { useLanguageFromSettings } from "./hooks/use-language.js";
import { retrying } from "./retrying-import.js";
import { AlarmQueue } from "./views/alarms/alarm-queue.js";
import { StatusBar } from "./views/status-bar/status-bar.js";

// The map (maplibre + deck.gl) and the wall (hls.js) are most of the code: loading them
// after the first paint lets the alarm queue become usable sooner.
const MapPane = lazy(() => retrying(() => import("./views/map/map-pane.js")).then((m) => ({ default: m.MapPane })));
const WallPane = lazy(() => retrying(() => import("./views/wall/wall-pane.js")).then((m) => ({ default: m.WallPane })));

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

/** One screen: map left, camera wall top right, alarm queue bottom right, status bar along the bottom. */
export function App() {
  useLanguageFromSettings();
  return (
    <div className="app" data-testid="app">
      <main className="app__panes">
        <div className="app__map">
          <PaneErrorBoundary testId="map-pane" titleKey="panes.map">
            <Suspense fallback={<LoadingPane testId="map-pane" titleKey="panes.map" />}>
              <MapPane />
            </Suspense>
          </PaneErrorBoundary>
        </div>
        <div className="app__wall">
          <PaneErrorBoundary testId="wall-pane" titleKey="panes.wall">
            <Suspense fallback={<LoadingPane testId="wall-pane" titleKey="panes.wall" />}>
              <WallPane />
            </Suspense>
          </PaneErrorBoundary>
        </div>
        <div className="app__alarms">
          <PaneErrorBoundary testId="alarm-queue" titleKey="panes.alarms">
            <AlarmQueue />
          </PaneErrorBoundary>
        </div>
      </main>
      <PaneErrorBoundary testId="status-bar" titleKey="panes.status">
        <StatusBar />
      </PaneErrorBoundary>
    </div>
  );
}
