import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Camera } from "../../../../../shared/domain/camera.js";
import { LIMITS } from "../../../../../shared/limits.js";
import { useBookmarkActions } from "../hooks/use-bookmark-actions.js";
import { BOOKMARK_LENGTHS_S, bookmarkRange } from "../model/bookmark-search.js";
import { TextField } from "../../../components/ui/text-field.js";
import type { MarkedRange } from "../../playback/model/marked-range.js";
import { MarkedRangeLabel } from "../../playback/components/marked-range-label.js";

/**
 * Marks on one of the player's cameras, with a note, the range marked on the timeline, or else the
 * moment the player shows (or a length from it). `atMs` is read when the operator saves, so the
 * mark is where the playhead is then.
 */
export function BookmarkForm({ cameras, atMs, marked, onDone }: { cameras: readonly Camera[]; atMs(): number; marked: MarkedRange; onDone(): void }) {
  const { t } = useTranslation();
  const actions = useBookmarkActions();
  const [cameraId, setCameraId] = useState(cameras[0]?.id ?? "");
  const [lengthS, setLengthS] = useState<number>(0);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    if (note.trim() === "" || cameraId === "") {
      setError(t("bookmarks.noteNeeded"));
      return;
    }
    setSaving(true);
    const range = marked.kind === "range" ? { startAt: new Date(marked.fromMs).toISOString(), endAt: new Date(marked.toMs).toISOString() } : bookmarkRange(atMs(), lengthS);
    const result = await actions.add(cameraId, range, note.trim());
    setSaving(false);
    if (result.ok) onDone();
    else setError(result.error.message);
  };

  return (
    <form
      className="bookmark-form"
      data-testid="bookmark-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {cameras.length > 1 && (
        <select value={cameraId} onChange={(event) => setCameraId(event.currentTarget.value)} aria-label={t("bookmarks.camera")} data-testid="bookmark-camera">
          {cameras.map((camera) => (
            <option key={camera.id} value={camera.id}>
              {camera.name}
            </option>
          ))}
        </select>
      )}
      {marked.kind === "range" ? (
        <MarkedRangeLabel fromMs={marked.fromMs} toMs={marked.toMs} testId="bookmark-range" />
      ) : (
        <select value={lengthS} onChange={(event) => setLengthS(Number(event.currentTarget.value))} aria-label={t("bookmarks.length")} data-testid="bookmark-length">
          {BOOKMARK_LENGTHS_S.map((s) => (
            <option key={s} value={s}>
              {s === 0 ? t("bookmarks.moment") : t("bookmarks.seconds", { count: s })}
            </option>
          ))}
        </select>
      )}
      <TextField
        className="bookmark-form__note"
        value={note}
        onValue={setNote}
        maxLength={LIMITS.noteChars}
        label={t("bookmarks.note")}
        placeholder={t("bookmarks.notePlaceholder")}
        data-testid="bookmark-note"
        autoFocus
      />
      <button type="submit" className="btn btn--small" disabled={saving} data-testid="bookmark-save">
        {t("bookmarks.save")}
      </button>
      <button type="button" className="btn btn--ghost btn--small" onClick={onDone}>
        {t("bookmarks.cancel")}
      </button>
      {error !== null && (
        <span className="bookmark-form__error" role="alert" data-testid="bookmark-error">
          {error}
        </span>
      )}
    </form>
  );
}
