/** Reading sample logs back for the scenario tests. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EvtxEvent } from '../../src/evtx/event.js';
import { readEvtx } from '../../src/evtx/index.js';
import { packageRoot, samplesDir } from '../../src/paths.js';

export interface Ev {
  id: number;
  provider: string;
  time: bigint;
  data: EvtxEvent['data'];
  values: string[];
}

export async function readLog(path: string): Promise<Ev[]> {
  const out: Ev[] = [];
  for await (const it of readEvtx(path, { strict: true })) {
    if (it.kind !== 'record') throw new Error(`${path}: ${it.kind} ${it.message}`);
    const e = it.event();
    out.push({
      id: e.eventId ?? -1,
      provider: e.provider ?? '',
      time: e.timeCreated ?? 0n,
      data: e.data,
      values: e.values,
    });
  }
  return out;
}

export function sampleFile(...parts: string[]): string {
  return join(samplesDir(), ...parts);
}

/** The scenarios whose analysis is still to come (src/samples/scenarios PENDING_SCENARIOS). */
export const pendingDir = (): string => join(packageRoot(), 'samples-pending');

/** A file of an issue-10 scenario: in samples-pending/ while pending, in samples/ once its analysis is built. */
export function pendingFile(...parts: string[]): string {
  const pending = join(pendingDir(), ...parts);
  return existsSync(pending) ? pending : join(samplesDir(), ...parts);
}

export const exists = (p: string): boolean => existsSync(p);

export const SEC = 10_000_000n;

/** 7036 whose Binary is `KEY/4` (service reached running), by its UTF-16LE hex. */
export function isRunning(e: Ev, key: string): boolean {
  const hex = Buffer.from(`${key}/4\0`, 'utf16le').toString('hex').toUpperCase();
  return e.id === 7036 && e.data?.Binary === hex;
}

/** The HttpEvent endpoint: the second value, whatever the field is named. */
export const endpointOf = (e: Ev): string | undefined => e.values[1];

export const within = (a: bigint, b: bigint, seconds: number): boolean => b >= a && b - a <= BigInt(seconds) * SEC;
