import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { recordedSegmentName } from "./recorded-playlist.js";

/** Camera ids become folder names: only these characters, so no id can reach outside the store. */
const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** Where recorded segments live on disk: <root>/<cameraId>/<startMs>.ts, the bytes as served live. */
export class SegmentFiles {
  constructor(readonly root: string) {}

  pathOf(cameraId: string, startMs: number): string {
    if (!SAFE_ID.test(cameraId)) throw new Error(`Camera id ${JSON.stringify(cameraId)} cannot name a recordings folder`);
    return join(this.root, cameraId, recordedSegmentName(startMs));
  }

  /** Written beside and renamed into place: a reader never sees half a segment. */
  async write(cameraId: string, startMs: number, body: Buffer): Promise<void> {
    const path = this.pathOf(cameraId, startMs);
    await mkdir(join(this.root, cameraId), { recursive: true });
    await writeFile(`${path}.part`, body);
    await rename(`${path}.part`, path);
  }

  /** The segment's bytes, or null when the file is gone (deleted by retention meanwhile). */
  async read(cameraId: string, startMs: number): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(cameraId, startMs));
    } catch {
      return null;
    }
  }

  async remove(cameraId: string, startMs: number): Promise<void> {
    await rm(this.pathOf(cameraId, startMs), { force: true });
  }
}
