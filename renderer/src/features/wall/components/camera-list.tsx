import { LIMITS } from "../../../../../shared/limits.js";
import { useMemo, useState, type DragEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Camera } from "../../../../../shared/domain/camera.js";
import { groupCameras } from "../model/camera-groups.js";
import { CAMERA_DRAG_TYPE } from "../model/wall-drag.js";
import type { CameraRecordingHealth } from "../../../../../shared/protocol/recordings.js";
import { RecordingBadge } from "../../playback/components/recording-badge.js";

interface CameraListProps {
  cameras: readonly Camera[];
  wardName(code: string): string;
  /** Cameras on the wall now, marked in the list. */
  onWall: ReadonlySet<string>;
  /** Enter or double-click: put the camera in the selected tile. */
  onPick(cameraId: string): void;
  search: string;
  onSearch(text: string): void;
  /** Each camera's recording state (empty when unknown). */
  recording: ReadonlyMap<string, CameraRecordingHealth>;
}

/** Cameras grouped by ward, searchable, with online/offline shown by text and shape, draggable onto tiles. */
export function CameraList({ cameras, wardName, onWall, onPick, search, onSearch, recording }: CameraListProps) {
  const { t } = useTranslation();
  const groups = useMemo(() => groupCameras(cameras, wardName, search), [cameras, wardName, search]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (code: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  const onDragStart = (event: DragEvent, cameraId: string) => {
    event.dataTransfer.setData(CAMERA_DRAG_TYPE, cameraId);
    event.dataTransfer.effectAllowed = "copyMove";
  };

  return (
    <nav className="camera-list" data-testid="camera-list" aria-label={t("wall.cameraList")}>
      <input
        className="camera-list__search"
        maxLength={LIMITS.nameChars}
        type="search"
        value={search}
        placeholder={t("wall.searchCameras")}
        aria-label={t("wall.searchCameras")}
        data-testid="camera-search"
        onChange={(event) => onSearch(event.currentTarget.value)}
      />
      {groups.length === 0 && <p className="camera-list__empty">{t("wall.noMatch")}</p>}
      <ul className="camera-list__groups">
        {groups.map((group) => (
          <li key={group.wardCode} className="camera-list__group" data-testid="camera-group" data-ward={group.wardCode}>
            <button type="button" className="camera-list__ward" aria-expanded={!collapsed.has(group.wardCode)} onClick={() => toggle(group.wardCode)}>
              <span>{group.wardName}</span>
              <span className="camera-list__count tabular">{t("wall.groupCount", { online: group.online, total: group.cameras.length })}</span>
            </button>
            {!collapsed.has(group.wardCode) && (
              <ul>
                {group.cameras.map((camera) => (
                  <li
                    key={camera.id}
                    className={`camera-list__item camera-list__item--${camera.status}${onWall.has(camera.id) ? " camera-list__item--on-wall" : ""}`}
                    data-testid="camera-list-item"
                    data-camera-id={camera.id}
                    data-status={camera.status}
                    draggable
                    tabIndex={0}
                    onDragStart={(event) => onDragStart(event, camera.id)}
                    onDoubleClick={() => onPick(camera.id)}
                    onKeyDown={(event) => {
                      if (event.key === "Enter") onPick(camera.id);
                    }}
                    title={t("wall.dragHint")}
                  >
                    {/* Filled circle online, hollow ring offline: not by colour alone. */}
                    <span className="camera-list__status" aria-hidden="true">{camera.status === "online" ? "●" : "○"}</span>
                    <span className="camera-list__name">{camera.name}</span>
                    <span className="camera-list__meta">
                      {camera.status === "online" ? t("wall.online") : t("wall.offline")}
                      {onWall.has(camera.id) ? ` · ${t("wall.onWall")}` : ""}
                    </span>
                    <RecordingBadge health={recording.get(camera.id)} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
