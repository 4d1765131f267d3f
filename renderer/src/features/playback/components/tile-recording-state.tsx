import { useTranslation } from "react-i18next";
import type { CameraRecordingHealth } from "../../../../../shared/protocol/recordings.js";
import { assertNever } from "../../../../../shared/result.js";
import { formatCityTime } from "../../../../../shared/time.js";
import { tileRecordingState } from "../model/recording-state.js";

/** On a wall tile: is this camera being recorded (REC), in a gap since when, or not recorded. */
export function TileRecordingState({ health }: { health: CameraRecordingHealth | undefined }) {
  const { t } = useTranslation();
  const state = tileRecordingState(health);
  let text: string;
  switch (state.kind) {
    case "unknown":
      return null;
    case "recording":
      text = t("playback.tile.recording");
      break;
    case "gap":
      text = state.sinceMs === null ? t("playback.health.notYet") : t("playback.health.gapSince", { time: formatCityTime(new Date(state.sinceMs).toISOString()) });
      break;
    case "off":
      text = t("playback.tile.off");
      break;
    default:
      return assertNever(state);
  }
  return (
    <span className={`tile__recording tile__recording--${state.kind}`} data-testid="tile-recording" data-state={state.kind}>
      {text}
    </span>
  );
}
