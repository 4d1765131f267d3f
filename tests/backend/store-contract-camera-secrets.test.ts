import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { BackendStore } from "../../backend/store/backend-store.js";
import { STORE_IMPLEMENTATIONS, stopStoreServers } from "./store-implementations.js";

const stores: BackendStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});
afterAll(stopStoreServers);

describe.each(STORE_IMPLEMENTATIONS)("$name camera credentials", (implementation) => {
  it("keeps, replaces and removes a camera's credentials, outside the change log", async () => {
    const store = await implementation.open();
    stores.push(store);
    const id = "cam-0f6b7c1e-1111-4222-8333-944445555666";
    expect(await store.cameraSecrets.getCredentials(id)).toBeNull();
    await store.cameraSecrets.putCredentials(id, { username: "admin", password: "first" });
    await store.cameraSecrets.putCredentials(id, { username: "admin", password: "second" });
    expect(await store.cameraSecrets.getCredentials(id)).toEqual({ username: "admin", password: "second" });
    expect(await store.headSeq()).toBe(0);
    await store.cameraSecrets.putCredentials(id, null);
    expect(await store.cameraSecrets.getCredentials(id)).toBeNull();
  });
});
