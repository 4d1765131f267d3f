/** One schema version: the statements that take the database from version-1 to version. */
export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}
