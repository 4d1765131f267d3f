import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Bookmark } from "../../../../../shared/domain/bookmark.js";
import { LIMITS } from "../../../../../shared/limits.js";
import { formatCityDateTime } from "../../../../../shared/time.js";
import { useCamerasById } from "../../../hooks/use-cameras.js";
import { useLanguage } from "../../../hooks/use-language.js";
import { useLiveState } from "../../../store/store-context.js";
import { openPlayback } from "../../playback/hooks/use-playback-request.js";
import { useBookmarkActions } from "../hooks/use-bookmark-actions.js";
import { openBookmarks } from "../hooks/use-bookmarks-open.js";
import { MAX_LISTED_BOOKMARKS, searchBookmarks } from "../model/bookmark-search.js";
import { TextField } from "../../../components/ui/text-field.js";

/** Every bookmark this console knows, searchable by text and camera; each opens its recording. */
export function BookmarksPanel() {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const bookmarks = useLiveState((s) => s.bookmarks);
  const operator = useLiveState((s) => s.operator);
  const cameras = useCamerasById();
  const [text, setText] = useState("");
  const [cameraId, setCameraId] = useState<string | null>(null);
  const cameraName = (id: string) => cameras.get(id)?.name ?? id;
  const found = useMemo(() => searchBookmarks(bookmarks.values(), { text, cameraId }, (id) => cameras.get(id)?.name ?? id), [bookmarks, text, cameraId, cameras]);
  const cameraChoices = useMemo(() => [...cameras.values()].sort((a, b) => a.name.localeCompare(b.name, "vi")), [cameras]);

  return (
    <section className="overlay-panel bookmarks-panel" role="dialog" aria-label={t("bookmarks.title")} data-testid="bookmarks-panel">
      <header className="bookmarks-panel__header">
        <h2 className="bookmarks-panel__title">{t("bookmarks.title")}</h2>
        <TextField type="search" value={text} onValue={setText} maxLength={LIMITS.nameChars} label={t("bookmarks.search")} data-testid="bookmarks-search" />
        <select value={cameraId ?? ""} onChange={(event) => setCameraId(event.currentTarget.value === "" ? null : event.currentTarget.value)} aria-label={t("bookmarks.camera")} data-testid="bookmarks-camera">
          <option value="">{t("bookmarks.allCameras")}</option>
          {cameraChoices.map((camera) => (
            <option key={camera.id} value={camera.id}>
              {camera.name}
            </option>
          ))}
        </select>
        <button type="button" className="btn btn--ghost btn--small bookmarks-panel__close" onClick={() => openBookmarks(false)} data-testid="bookmarks-close">
          {t("playback.close")}
        </button>
      </header>
      {found.length === 0 ? (
        <p className="bookmarks-panel__empty" data-testid="bookmarks-empty">
          {t("bookmarks.none")}
        </p>
      ) : (
        <ul className="bookmarks-panel__list">
          {found.slice(0, MAX_LISTED_BOOKMARKS).map((bookmark) => (
            <BookmarkRow key={bookmark.id} bookmark={bookmark} cameraName={cameraName(bookmark.cameraId)} locale={locale} mayChange={operator !== null && (operator.id === bookmark.createdBy || operator.role === "supervisor")} />
          ))}
        </ul>
      )}
    </section>
  );
}

function BookmarkRow({ bookmark, cameraName, locale, mayChange }: { bookmark: Bookmark; cameraName: string; locale: string; mayChange: boolean }) {
  const { t } = useTranslation();
  const actions = useBookmarkActions();
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const done = (result: { ok: boolean; error?: { message: string } }) => {
    if (result.ok) setEditing(null);
    setError(result.ok ? null : (result.error?.message ?? null));
  };
  const play = () => {
    openBookmarks(false);
    openPlayback({ cameraIds: [bookmark.cameraId], atMs: Date.parse(bookmark.startAt), alarmId: null });
  };
  return (
    <li className="bookmarks-panel__row" data-testid="bookmark-row" data-bookmark-id={bookmark.id}>
      <span className="bookmarks-panel__time tabular">
        {formatCityDateTime(bookmark.startAt, locale)}
        {bookmark.endAt !== null && ` – ${formatCityDateTime(bookmark.endAt, locale)}`}
      </span>
      <span className="bookmarks-panel__camera">{cameraName}</span>
      {editing === null ? (
        <span className="bookmarks-panel__note" data-testid="bookmark-row-note">
          {bookmark.note}
        </span>
      ) : (
        <input className="bookmarks-panel__note" value={editing} maxLength={LIMITS.noteChars} aria-label={t("bookmarks.note")} onChange={(event) => setEditing(event.currentTarget.value)} data-testid="bookmark-edit-note" />
      )}
      <span className="bookmarks-panel__by">{bookmark.createdByName}</span>
      <button type="button" className="btn btn--small" onClick={play} data-testid="bookmark-play">
        {t("bookmarks.play")}
      </button>
      {mayChange && editing === null && (
        <button type="button" className="btn btn--ghost btn--small" onClick={() => setEditing(bookmark.note)} data-testid="bookmark-edit">
          {t("bookmarks.edit")}
        </button>
      )}
      {mayChange && editing !== null && (
        <button type="button" className="btn btn--small" disabled={editing.trim() === ""} onClick={() => void actions.editNote(bookmark.id, editing.trim()).then(done)} data-testid="bookmark-edit-save">
          {t("bookmarks.save")}
        </button>
      )}
      {mayChange && (
        <button type="button" className="btn btn--ghost btn--small" onClick={() => void actions.remove(bookmark.id).then(done)} data-testid="bookmark-delete">
          {t("bookmarks.delete")}
        </button>
      )}
      {error !== null && (
        <span className="bookmarks-panel__error" role="alert">
          {error}
        </span>
      )}
    </li>
  );
}
