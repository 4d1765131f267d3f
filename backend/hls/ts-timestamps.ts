/**
 * Moving an MPEG-TS segment's clock: every PTS and DTS (PES headers) and PCR (adaptation fields)
 * shifted by the same number of 90 kHz ticks, modulo 2^33 as the format wraps them.
 *
 * A looped simulated camera serves the same ten files over and over. Served as they are, each
 * wrap of the loop jumps back in time and needs an EXT-X-DISCONTINUITY; after months of wraps the
 * discontinuity numbers run into millions, and hls.js walks an array as long as that number on
 * every playlist refresh, which on a wall of nine tiles takes most of the page's main thread.
 * Shifting each wrap's timestamps by the loop's length makes the stream continuous, as a real
 * camera's is: no discontinuities at all.
 */

const PACKET_SIZE = 188;
const SYNC_BYTE = 0x47;
export const TIMESTAMP_MODULO = 2 ** 33;
export const TICKS_PER_SECOND = 90_000;

/** Stream ids whose PES packets have no optional header (and so no PTS/DTS): ISO 13818-1 table 2-22. */
const NO_OPTIONAL_HEADER = new Set([0xbc, 0xbe, 0xbf, 0xf0, 0xf1, 0xf2, 0xf8, 0xff]);

const wrap = (ticks: number) => ((ticks % TIMESTAMP_MODULO) + TIMESTAMP_MODULO) % TIMESTAMP_MODULO;

/** Reads the 33-bit timestamp of a PES header's 5-byte PTS or DTS field. */
export function readPesTimestamp(buf: Buffer, at: number): number {
  return (((buf[at]! >> 1) & 0x07) * 2 ** 30) + buf[at + 1]! * 2 ** 22 + ((buf[at + 2]! >> 1) & 0x7f) * 2 ** 15 + buf[at + 3]! * 2 ** 7 + (buf[at + 4]! >> 1);
}

function writePesTimestamp(buf: Buffer, at: number, ticks: number): void {
  // The first byte's high nibble says PTS or DTS; the low bits of bytes 0, 2 and 4 are marker bits.
  buf[at] = (buf[at]! & 0xf0) | ((Math.floor(ticks / 2 ** 30) & 0x07) << 1) | 1;
  buf[at + 1] = Math.floor(ticks / 2 ** 22) & 0xff;
  buf[at + 2] = ((Math.floor(ticks / 2 ** 15) & 0x7f) << 1) | 1;
  buf[at + 3] = Math.floor(ticks / 2 ** 7) & 0xff;
  buf[at + 4] = ((ticks % 128) << 1) | 1;
}

/** Reads the 33-bit base of a PCR (6 bytes: base, 6 reserved bits, 9-bit extension). */
export function readPcrBase(buf: Buffer, at: number): number {
  return buf[at]! * 2 ** 25 + buf[at + 1]! * 2 ** 17 + buf[at + 2]! * 2 ** 9 + buf[at + 3]! * 2 + (buf[at + 4]! >> 7);
}

function writePcrBase(buf: Buffer, at: number, base: number): void {
  buf[at] = Math.floor(base / 2 ** 25) & 0xff;
  buf[at + 1] = Math.floor(base / 2 ** 17) & 0xff;
  buf[at + 2] = Math.floor(base / 2 ** 9) & 0xff;
  buf[at + 3] = Math.floor(base / 2) & 0xff;
  buf[at + 4] = ((base % 2) << 7) | (buf[at + 4]! & 0x7f);
}

/** A copy of `segment` with every timestamp moved by `offsetTicks`; throws on anything that is not whole TS packets. */
export function shiftTsTimestamps(segment: Buffer, offsetTicks: number): Buffer {
  if (segment.length % PACKET_SIZE !== 0) throw new Error(`an MPEG-TS segment is whole ${PACKET_SIZE}-byte packets; this one has ${segment.length} bytes`);
  const out = Buffer.from(segment);
  const offset = wrap(Math.round(offsetTicks));
  if (offset === 0) return out;
  for (let p = 0; p < out.length; p += PACKET_SIZE) {
    if (out[p] !== SYNC_BYTE) throw new Error(`no MPEG-TS sync byte at offset ${p}`);
    const payloadUnitStart = (out[p + 1]! & 0x40) !== 0;
    const adaptationControl = (out[p + 3]! >> 4) & 0x03;
    let payload = p + 4;
    if ((adaptationControl & 0x02) !== 0) {
      const adaptationLength = out[p + 4]!;
      if (adaptationLength > 0 && (out[p + 5]! & 0x10) !== 0) writePcrBase(out, p + 6, wrap(readPcrBase(out, p + 6) + offset));
      payload = p + 5 + adaptationLength;
    }
    if ((adaptationControl & 0x01) === 0 || !payloadUnitStart || payload + 14 > p + PACKET_SIZE) continue;
    if (out[payload] !== 0x00 || out[payload + 1] !== 0x00 || out[payload + 2] !== 0x01 || NO_OPTIONAL_HEADER.has(out[payload + 3]!)) continue;
    const ptsDtsFlags = out[payload + 7]! >> 6;
    if ((ptsDtsFlags & 0x02) !== 0) writePesTimestamp(out, payload + 9, wrap(readPesTimestamp(out, payload + 9) + offset));
    if (ptsDtsFlags === 0x03 && payload + 19 <= p + PACKET_SIZE) writePesTimestamp(out, payload + 14, wrap(readPesTimestamp(out, payload + 14) + offset));
  }
  return out;
}

/**
 * The shift for media sequence n of a loop of `segmentCount` segments of `segmentDuration` s: one
 * loop length per completed wrap, so segment n continues segment n-1's clock.
 */
export function loopTimestampOffset(mediaSequence: number, segmentCount: number, segmentDuration: number): number {
  const loopTicks = Math.round(segmentCount * segmentDuration * TICKS_PER_SECOND);
  const wraps = Math.floor(mediaSequence / segmentCount);
  // wraps × loopTicks stays far below 2^53 for any clock-derived sequence number (centuries).
  return wrap(wraps * loopTicks);
}
