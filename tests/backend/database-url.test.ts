import { describe, expect, it } from "vitest";
import { parseCliArgs } from "../../backend/cli-args.js";
import { isPostgresUrl, redactDatabaseUrl, withoutPassword } from "../../backend/store/pg/database-url.js";

describe("--database-url", () => {
  it("takes a PostgreSQL URL; SQLite stays the default without it", () => {
    expect(parseCliArgs([])).toMatchObject({ ok: true, value: { databaseUrl: undefined } });
    expect(parseCliArgs(["--database-url", "postgres://ioc@db.local:5432/ioc"])).toMatchObject({ ok: true, value: { databaseUrl: "postgres://ioc@db.local:5432/ioc" } });
    expect(parseCliArgs(["--database-url=postgresql://ioc:pw@10.0.0.9/ioc"])).toMatchObject({ ok: true, value: { databaseUrl: "postgresql://ioc:pw@10.0.0.9/ioc" } });
  });

  it("refuses anything else in one sentence that does not repeat the value (it may hold a password)", () => {
    const refused = parseCliArgs(["--database-url", "mysql://ioc:hunter2@db/ioc"]);
    expect(refused).toEqual({ ok: false, error: "--database-url must be a PostgreSQL URL such as postgres://ioc@db.local:5432/ioc." });
    expect(parseCliArgs(["--database-url", "postgres://ioc@db.local"]).ok).toBe(false);
  });

  it("refuses a store quota with it: that limits the SQLite store only", () => {
    expect(parseCliArgs(["--database-url", "postgres://ioc@db/ioc", "--store-quota-mb", "10"])).toMatchObject({ ok: false, error: expect.stringContaining("SQLite store only") });
  });

  it("is told with its password hidden", () => {
    expect(isPostgresUrl("postgres://a@b/c")).toBe(true);
    expect(isPostgresUrl("not a url")).toBe(false);
    expect(redactDatabaseUrl("postgres://ioc:s%40cret@db:5432/ioc")).toBe("postgres://ioc:***@db:5432/ioc");
    expect(redactDatabaseUrl("postgres://ioc@db/ioc")).toBe("postgres://ioc@db/ioc");
    expect(redactDatabaseUrl("::")).toBe("(an unparsable database URL)");
    expect(withoutPassword("password s@cret was refused", "postgres://ioc:s%40cret@db/ioc")).toBe("password *** was refused");
  });
});
