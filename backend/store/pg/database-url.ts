/**
 * Pure helpers for --database-url. The URL may carry a password: everything the backend says
 * about it (logs, errors) goes through redactDatabaseUrl.
 */

export function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "" && url.pathname.length > 1;
  } catch {
    return false;
  }
}

/** The URL with its password (if any) replaced by "***"; an unparsable one is not repeated at all. */
export function redactDatabaseUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password !== "") url.password = "***";
    return url.toString();
  } catch {
    return "(an unparsable database URL)";
  }
}

/** Removes the URL's password wherever it appears in a message (a driver may quote the URL back). */
export function withoutPassword(message: string, databaseUrl: string): string {
  let password = "";
  try {
    password = decodeURIComponent(new URL(databaseUrl).password);
  } catch {
    return message;
  }
  return password === "" ? message : message.split(password).join("***");
}
