import { lazy, Suspense } from "react";
import { retrying } from "../../../retrying-import.js";
import { usePlaybackRequest } from "../hooks/use-playback-request.js";

// hls.js and the timeline load only when someone opens recorded video.
const PlaybackPanel = lazy(() => retrying(() => import("./playback-panel.js")).then((m) => ({ default: m.PlaybackPanel })));

/** Where this window shows recorded video when asked to (an alarm's "show video at the alarm"). */
export function PlaybackHost() {
  const request = usePlaybackRequest();
  if (request === null) return null;
  return (
    <Suspense fallback={null}>
      <PlaybackPanel key={`${request.atMs} ${request.cameraIds.join(" ")}`} request={request} />
    </Suspense>
  );
}
