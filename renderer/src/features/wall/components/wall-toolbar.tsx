import { LIMITS } from "../../../../../shared/limits.js";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { WallLayoutId, WallView } from "../../../../../shared/domain/wall-view.js";
import { Badge } from "../../../components/ui/badge.js";
import { openBookmarks } from "../../bookmarks/hooks/use-bookmarks-open.js";
import { openCameraAdmin } from "../../cameras/hooks/use-camera-admin-open.js";
import { LAYOUT_IDS } from "../model/wall-layouts.js";

export const TOUR_INTERVALS = [5, 10, 30, 60] as const;

interface WallToolbarProps {
  layout: WallLayoutId;
  onLayout(layout: WallLayoutId): void;
  views: readonly WallView[];
  activeViewId: string | null;
  onOpenView(viewId: string): void;
  onSaveView(name: string): void;
  onDeleteView(viewId: string): void;
  touring: boolean;
  tourHolding: boolean;
  onStartTour(scope: "view" | "tile", intervalSeconds: number): void;
  onStopTour(): void;
  hotSpot: boolean;
  onHotSpot(on: boolean): void;
  listOpen: boolean;
  onToggleList(): void;
  /** Synchronised playback of the wall's cameras, a minute back. */
  onPlayback(): void;
}

export function WallToolbar(props: WallToolbarProps) {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [interval, setIntervalSeconds] = useState<number>(10);
  const [scope, setScope] = useState<"view" | "tile">("view");
  const active = props.views.find((view) => view.id === props.activeViewId) ?? null;

  return (
    <div className="wall-toolbar" data-testid="wall-toolbar">
      <button type="button" className="btn btn--ghost btn--small" aria-pressed={props.listOpen} onClick={props.onToggleList} data-testid="camera-list-toggle">
        {t("wall.cameras")}
      </button>
      <button type="button" className="btn btn--ghost btn--small" onClick={props.onPlayback} data-testid="wall-playback">
        {t("playback.wallPlayback")}
      </button>
      <button type="button" className="btn btn--ghost btn--small" onClick={() => openBookmarks(true)} data-testid="wall-bookmarks">
        {t("bookmarks.title")}
      </button>
      <button type="button" className="btn btn--ghost btn--small" onClick={() => openCameraAdmin(true)} data-testid="wall-camera-admin">
        {t("cameras.open")}
      </button>
      <div className="wall-toolbar__layouts" role="group" aria-label={t("wall.layout")}>
        {LAYOUT_IDS.map((id) => (
          <button key={id} type="button" className="wall-toolbar__layout" aria-pressed={props.layout === id} data-testid={`wall-layout-${id}`} onClick={() => props.onLayout(id)}>
            {id}
          </button>
        ))}
      </div>
      <select
        className="wall-toolbar__select"
        aria-label={t("wall.views")}
        data-testid="wall-view-select"
        value={props.activeViewId ?? ""}
        onChange={(event) => event.currentTarget.value !== "" && props.onOpenView(event.currentTarget.value)}
      >
        <option value="">{t("wall.viewsPlaceholder")}</option>
        {props.views.map((view) => (
          <option key={view.id} value={view.id}>
            {view.name}
          </option>
        ))}
      </select>
      <form
        className="wall-toolbar__save"
        onSubmit={(event) => {
          event.preventDefault();
          const trimmed = name.trim() || active?.name || "";
          if (trimmed === "") return;
          props.onSaveView(trimmed);
          setName("");
        }}
      >
        <input
          className="wall-toolbar__name"
          value={name}
          maxLength={LIMITS.viewNameChars}
          placeholder={active?.name ?? t("wall.viewName")}
          aria-label={t("wall.viewName")}
          data-testid="wall-view-name"
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <button type="submit" className="btn btn--ghost btn--small" data-testid="wall-view-save">
          {t("wall.saveView")}
        </button>
      </form>
      {active !== null && (
        <button type="button" className="btn btn--ghost btn--small" data-testid="wall-view-delete" onClick={() => props.onDeleteView(active.id)}>
          {t("wall.deleteView")}
        </button>
      )}
      <span className="wall-toolbar__tour">
        {props.touring ? (
          <>
            <Badge tone={props.tourHolding ? "warn" : "neutral"} data-testid="tour-state">
              {props.tourHolding ? t("wall.tourHolding") : t("wall.tourRunning")}
            </Badge>
            <button type="button" className="btn btn--ghost btn--small" data-testid="tour-stop" onClick={props.onStopTour}>
              {t("wall.stopTour")}
            </button>
          </>
        ) : (
          <>
            <select aria-label={t("wall.tourScope")} value={scope} data-testid="tour-scope" onChange={(event) => setScope(event.currentTarget.value === "tile" ? "tile" : "view")}>
              <option value="view">{t("wall.tourWholeWall")}</option>
              <option value="tile">{t("wall.tourSelectedTile")}</option>
            </select>
            <select aria-label={t("wall.tourInterval")} value={interval} data-testid="tour-interval" onChange={(event) => setIntervalSeconds(Number(event.currentTarget.value))}>
              {TOUR_INTERVALS.map((seconds) => (
                <option key={seconds} value={seconds}>
                  {t("wall.everySeconds", { seconds })}
                </option>
              ))}
            </select>
            <button type="button" className="btn btn--ghost btn--small" data-testid="tour-start" onClick={() => props.onStartTour(scope, interval)}>
              {t("wall.startTour")}
            </button>
          </>
        )}
      </span>
      <label className="wall-toolbar__check">
        <input type="checkbox" checked={props.hotSpot} data-testid="hot-spot-toggle" onChange={(event) => props.onHotSpot(event.currentTarget.checked)} />
        {t("wall.hotSpotTile")}
      </label>
    </div>
  );
}
