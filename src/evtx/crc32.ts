/** CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) as used by EVTX file and chunk checksums. */
import * as zlib from 'node:zlib';

const TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** Native CRC-32 (Node ≥ 20.15); the table version below is the fallback. */
const nativeCrc = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** Continue a CRC over `b[start, end)`; pass the previous result as `crc` (0 to begin). */
export function crc32(b: Uint8Array, start = 0, end = b.length, crc = 0): number {
  if (nativeCrc !== undefined) return nativeCrc(b.subarray(start, end), crc) >>> 0;
  let c = ~crc;
  for (let i = start; i < end; i++) c = TABLE[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}
