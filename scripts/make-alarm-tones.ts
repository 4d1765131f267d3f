import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./lib/backend-process.js";

/**
 * Synthesizes the alarm queue's annunciation tones into resources/sounds/ (16-bit mono WAV).
 * Made by the project, so there is nothing to attribute. Each priority sounds different in
 * rhythm as well as pitch (IEC 60601-1-8 style), so they can be told apart without looking:
 * critical = fast two-tone warble, high = three beeps, medium = two beeps, low = one soft chime.
 * Run: npx tsx scripts/make-alarm-tones.ts
 */
const RATE = 22_050;

interface Note {
  hz: number;
  ms: number;
  /** Silence after the note. */
  gapMs: number;
  volume: number;
}

const TONES: Record<string, Note[]> = {
  critical: Array.from({ length: 8 }, (_, i) => ({ hz: i % 2 === 0 ? 988 : 784, ms: 110, gapMs: 15, volume: 0.75 })),
  high: Array.from({ length: 3 }, () => ({ hz: 880, ms: 140, gapMs: 90, volume: 0.6 })),
  medium: Array.from({ length: 2 }, () => ({ hz: 659, ms: 170, gapMs: 120, volume: 0.5 })),
  low: [{ hz: 523, ms: 420, gapMs: 0, volume: 0.4 }],
};

function samples(notes: readonly Note[]): Int16Array {
  const total = notes.reduce((n, note) => n + Math.round(((note.ms + note.gapMs) / 1000) * RATE), 0);
  const out = new Int16Array(total);
  let offset = 0;
  for (const note of notes) {
    const length = Math.round((note.ms / 1000) * RATE);
    const fade = Math.min(length / 2, Math.round(0.008 * RATE));
    for (let i = 0; i < length; i++) {
      // Short fades in and out: no clicks at the note edges.
      const envelope = Math.min(1, i / fade, (length - i) / fade);
      const t = i / RATE;
      // A little third harmonic makes the tone carry over control-room noise.
      const wave = Math.sin(2 * Math.PI * note.hz * t) * 0.85 + Math.sin(2 * Math.PI * 3 * note.hz * t) * 0.15;
      out[offset + i] = Math.round(wave * envelope * note.volume * 32_767);
    }
    offset += length + Math.round((note.gapMs / 1000) * RATE);
  }
  return out;
}

function wav(data: Int16Array): Buffer {
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + data.byteLength, 4);
  header.write("WAVE", 8);
  header.write("fmt ", 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(data.byteLength, 40);
  return Buffer.concat([header, Buffer.from(data.buffer, data.byteOffset, data.byteLength)]);
}

const dir = join(REPO_ROOT, "resources", "sounds");
mkdirSync(dir, { recursive: true });
for (const [name, notes] of Object.entries(TONES)) {
  const file = join(dir, `alarm-${name}.wav`);
  writeFileSync(file, wav(samples(notes)));
  console.log(`wrote ${file}`);
}
