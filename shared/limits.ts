import { z } from "zod";

/**
 * Every size and count a request may carry, named once: the schemas at each boundary and the
 * renderer's inputs (maxLength) use these, so what the user may type is what the backend accepts.
 * They bound how much one operator can make the store, the change feed and every console hold.
 */
export const LIMITS = {
  /** Ids of alarms, incidents, cameras, operators, views, sessions. */
  idChars: 100,
  /** Comments, notes, reasons. */
  noteChars: 2000,
  /** Names of people, units, incident titles; also what a search box takes. */
  nameChars: 200,
  /** A named wall view, short enough for the wall's toolbar. */
  viewNameChars: 80,
  /** Named wall views one operator may keep: every console holds everyone's. */
  viewsPerOperator: 100,
  /** A handover note, which lists a whole shift. */
  handoverNoteChars: 4000,
  /** Items each list of a handover's summary holds (the oldest first): a flood's thousands are not read at a handover. */
  handoverItems: 500,
  /** Comments one alarm may collect: every change of an alarm carries them all. */
  commentsPerAlarm: 50,
  /** Timeline notes one incident may collect, for the same reason. */
  notesPerIncident: 100,
  passwordChars: 200,
  /** A change page stops growing past this many bytes (at least one change is always sent). */
  changePageBytes: 8 * 1024 * 1024,
  /** Longest time range one recorded (VOD) playlist or timeline covers: four hours of 1 s segments. */
  recordingRangeMs: 4 * 60 * 60_000,
  /** Longest range one evidence export takes, per camera. */
  exportRangeMs: 60 * 60_000,
  /** Cameras one evidence export may hold (a 3x3 wall). */
  exportCameras: 9,
  /** Longest range one bookmark marks (as long as one recorded playlist). */
  bookmarkRangeMs: 4 * 60 * 60_000,
  /** Bookmarks a console keeps on screen (the newest); older ones stay in the cache and the backend. */
  bookmarksOnScreen: 5000,
  /** A camera's RTSP or HLS address. */
  cameraUrlChars: 1000,
  /** A camera's user name for its stream. */
  cameraUserChars: 100,
  /** Days a camera's recordings may be kept at most. */
  retentionDaysMax: 365,
} as const;

export const IdSchema = z.string().min(1).max(LIMITS.idChars);
export const NoteTextSchema = z.string().trim().min(1).max(LIMITS.noteChars);
export const NameTextSchema = z.string().trim().min(1).max(LIMITS.nameChars);

/**
 * Operator actions one session may send: a burst larger than the biggest bulk acknowledgement a
 * flood allows (10,000 alarms) or an outbox drained after an outage, refilled at a rate no person
 * reaches by hand. It bounds what a stolen session can do per second, never a real operator.
 */
export const ACTION_RATE = { burst: 12_000, perSecond: 200 } as const;

/**
 * How far back an action taken offline may date itself: a console offline longer than this
 * (three days) sends its actions with the oldest time the backend accepts; the server's own
 * receive time is kept beside it in the audit trail.
 */
export const OFFLINE_ACTION_WINDOW_MS = 72 * 60 * 60_000;
