import { randomBytes } from "node:crypto";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { SessionAuthority } from "../../backend/auth/session-authority.js";
import { registerAuthentication } from "../../backend/http/authenticate.js";
import { ensureFirstSupervisor } from "../../backend/seed/operator-accounts.js";
import { openSqliteStore } from "../../backend/store/sqlite-store.js";
import { STREAM_TOKEN_PARAM } from "../../shared/protocol/session.js";

describe("a session signed in with a one-time password", () => {
  it("watches no camera until the password is replaced", async () => {
    const store = openSqliteStore({ filename: ":memory:", auditKey: randomBytes(32) });
    const app = Fastify();
    try {
      const password = await ensureFirstSupervisor(store, new Date());
      if (password === null) throw new Error("no first supervisor");
      const sessions = new SessionAuthority(store);
      registerAuthentication(app, sessions);
      app.get("/hls/:cameraId/index.m3u8", async () => "#EXTM3U\n");
      const signedIn = await sessions.signIn("supervisor", password, "desk", "127.0.0.1", new Date());
      if (!signedIn.ok) throw new Error(signedIn.error.message);
      const playlist = () => app.inject({ method: "GET", url: `/hls/cam-01/index.m3u8?${STREAM_TOKEN_PARAM}=${signedIn.value.session.streamToken}` });
      const before = await playlist();
      expect(before.statusCode).toBe(403);
      expect(before.json()).toMatchObject({ ok: false, error: { kind: "forbidden", message: expect.stringContaining("one-time password") } });

      const session = await sessions.authenticate(signedIn.value.session.token, new Date());
      if (!session.ok) throw new Error(session.error.message);
      expect((await sessions.changePassword(session.value, password, "a-long-new-password", new Date())).ok).toBe(true);
      expect((await playlist()).statusCode).toBe(200);
    } finally {
      await app.close();
      await store.close();
    }
  });
});
