/** CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as EVTX uses for headers and records. */
const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 of `b[start, end)` continuing from `prefix`, the CRC of the data that precedes it. */
export function crc32(b: Uint8Array, start: number, end: number, prefix = 0): number {
  let c = ~prefix;
  for (let i = start; i < end; i++) c = TABLE[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}
