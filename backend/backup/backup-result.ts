/** Why a backup or restore did not happen: each with one sentence for the operator. */
export type BackupFailure = "no_store" | "target_exists" | "tool_missing" | "failed";

export type BackupResult<T> = { ok: true; value: T } | { ok: false; error: { kind: BackupFailure; message: string } };

export const backupOk = <T>(value: T): BackupResult<T> => ({ ok: true, value });
export const backupErr = (kind: BackupFailure, message: string): BackupResult<never> => ({ ok: false, error: { kind, message } });
