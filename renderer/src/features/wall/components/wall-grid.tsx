import type { CSSProperties, KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Camera } from "../../../../../shared/domain/camera.js";
import type { WallLayoutId } from "../../../../../shared/domain/wall-view.js";
import { CameraTile, type TileHandlers } from "./camera-tile.js";
import { EmptyTile } from "./empty-tile.js";
import { LAYOUTS } from "../model/wall-layouts.js";
import type { CameraRecordingHealth } from "../../../../../shared/protocol/recordings.js";

interface WallGridProps {
  layout: WallLayoutId;
  /** Camera per visible tile (null = empty). */
  tiles: readonly (Camera | null)[];
  selected: number | null;
  maximized: number | null;
  /** Tile following the newest critical alarm, if the hot-spot is on. */
  hotSpotTile: number | null;
  alarmedCameras: ReadonlySet<string>;
  /** Each camera's recording state, by camera id. */
  recording: ReadonlyMap<string, CameraRecordingHealth>;
  wardName(code: string): string;
  locale: string;
  operator: { id: string; name: string };
  noCameras: boolean;
  handlers: TileHandlers;
  onKeyDown(event: KeyboardEvent): void;
  onInteract(): void;
}

/**
 * The tiles in the layout's CSS grid. A maximized tile fills the grid; the others are not
 * rendered at all, so their players are destroyed rather than left loading out of sight.
 */
export function WallGrid(props: WallGridProps) {
  const { t } = useTranslation();
  const layout = LAYOUTS[props.layout];
  const maximized = props.maximized !== null && props.maximized < props.tiles.length ? props.maximized : null;
  const style: CSSProperties =
    maximized === null
      ? { gridTemplateColumns: `repeat(${layout.columns}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${layout.rows}, minmax(0, 1fr))` }
      : { gridTemplateColumns: "minmax(0, 1fr)", gridTemplateRows: "minmax(0, 1fr)" };

  return (
    <div
      className={`wall__grid wall__grid--${layout.columns}`}
      style={style}
      data-testid="wall-grid"
      data-layout={props.layout}
      data-maximized={maximized ?? ""}
      tabIndex={0}
      aria-label={t("wall.gridLabel")}
      onKeyDown={props.onKeyDown}
      onPointerDown={props.onInteract}
      onDragEnter={props.onInteract}
    >
      {props.tiles.map((camera, tile) => {
        if (maximized !== null && tile !== maximized) return null;
        const place = layout.tiles[tile];
        const area: CSSProperties =
          maximized !== null || place === undefined
            ? {}
            : { gridRow: `${place.row} / span ${place.rowSpan}`, gridColumn: `${place.column} / span ${place.columnSpan}` };
        const hotSpot = props.hotSpotTile === tile;
        return (
          <div key={tile} className="wall__cell" style={area}>
            {camera === null ? (
              <EmptyTile
                tile={tile}
                selected={props.selected === tile}
                hotSpot={hotSpot}
                text={hotSpot ? t("wall.noCriticalAlarm") : props.noCameras ? t("wall.noCameras") : t("wall.emptySlot")}
                handlers={props.handlers}
              />
            ) : (
              <CameraTile
                // A new camera in this tile is a new player: keyed by camera so nothing of the old stream survives.
                key={camera.id}
                tile={tile}
                camera={camera}
                wardName={props.wardName(camera.wardCode)}
                locale={props.locale}
                alarmed={props.alarmedCameras.has(camera.id)}
                recording={props.recording.get(camera.id)}
                selected={props.selected === tile}
                maximized={maximized === tile}
                hotSpot={hotSpot}
                operator={props.operator}
                handlers={props.handlers}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}
