import { useState } from "react";
import { useTranslation } from "react-i18next";
import { dropHandlers, type TileHandlers } from "./camera-tile.js";

interface EmptyTileProps {
  tile: number;
  selected: boolean;
  /** Why it is empty, already translated (no cameras at all, a free slot, no critical alarm). */
  text: string;
  hotSpot: boolean;
  handlers: TileHandlers;
}

export function EmptyTile({ tile, selected, text, hotSpot, handlers }: EmptyTileProps) {
  const { t } = useTranslation();
  const [dropping, setDropping] = useState(false);
  return (
    <div
      className={`tile tile--empty${selected ? " tile--selected" : ""}${dropping ? " tile--drop" : ""}`}
      data-testid="empty-tile"
      data-tile={tile}
      aria-selected={selected}
      onClick={() => handlers.onSelect(tile)}
      {...dropHandlers(tile, handlers, setDropping)}
    >
      <span className="tile__number tile__number--corner tabular" aria-hidden="true">{tile + 1}</span>
      {hotSpot && <span className="tile__hotspot tile__hotspot--corner">▲ {t("wall.hotSpot")}</span>}
      <span className="tile__veil-text">{text}</span>
    </div>
  );
}
