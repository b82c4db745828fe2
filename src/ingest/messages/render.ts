/** Fills the bundled message templates (./catalogue.ts) from an event's insertion strings and named data. */
import type { JsonValue } from '../../evtx/index.js';
import { MESSAGE_TEMPLATES, PROVIDER_ALIASES } from './catalogue.js';

export type Part =
  | { kind: 'text'; text: string; bytes: Uint8Array }
  | { kind: 'pos'; n: number }
  | { kind: 'name'; name: string }
  | { kind: 'opt'; parts: Part[] };

export interface Compiled {
  parts: Part[];
}

/** provider → event id → template. */
const byProvider = new Map<string, Map<number, Compiled>>();
for (const t of MESSAGE_TEMPLATES) {
  let m = byProvider.get(t.provider);
  if (!m) byProvider.set(t.provider, (m = new Map()));
  m.set(t.eventId, { parts: compile(t.text) });
}

/** Endpoint shapes: IP:port, [IPv6]:port, hostname:port (DOMAIN.md §1, HttpEvent). */
const ENDPOINT_RE = /^(\[[0-9A-Fa-f:.%]+\]|[A-Za-z0-9_.*+-]+):[0-9]{1,5}$/;

/** The first insertion string shaped like an endpoint, or null. */
export function endpointOf(values: readonly string[]): string | null {
  const i = endpointIndex(values);
  return i < 0 ? null : values[i]!;
}

/** Index of the first insertion string shaped like an endpoint, or -1. */
export function endpointIndex(values: readonly string[]): number {
  for (let i = 0; i < values.length; i++) if (ENDPOINT_RE.test(values[i]!)) return i;
  return -1;
}

/**
 * The rendered message, or null when the catalogue has no template for the event.
 * A missing insertion string renders as empty text (as Event Viewer shows it).
 */
export function renderMessage(
  provider: string | null,
  eventSource: string | null,
  eventId: number | null,
  values: readonly string[],
  data: MessageData,
): string | null {
  const t = lookup(provider, eventSource, eventId);
  if (!t) return null;
  const ctx = { values, data, endpoint: undefined as string | null | undefined };
  return fill(t.parts, ctx, false) ?? '';
}

/** Named values of an event (its data object), or null. */
export type MessageData = { [key: string]: JsonValue } | null;

/** Recent look-ups by event id: the provider and event source names they were made for, and the result. */
const recent = new Map<number, { provider: string | null; eventSource: string | null; t: Compiled | undefined }[]>();

/** The compiled template for this provider (or event source name) and event id. */
export function lookup(
  provider: string | null,
  eventSource: string | null,
  eventId: number | null,
): Compiled | undefined {
  if (eventId === null) return undefined;
  let seen = recent.get(eventId);
  if (seen === undefined) {
    if (recent.size >= 4096) recent.clear();
    recent.set(eventId, (seen = []));
  }
  for (const r of seen) if (r.provider === provider && r.eventSource === eventSource) return r.t;
  const t = templateOf(provider, eventId) ?? templateOf(eventSource, eventId);
  if (seen.length < 8) seen.push({ provider, eventSource, t });
  return t;
}

function templateOf(provider: string | null, eventId: number): Compiled | undefined {
  return provider === null ? undefined : byProvider.get(PROVIDER_ALIASES[provider] ?? provider)?.get(eventId);
}

interface Ctx {
  values: readonly string[];
  data: MessageData;
  endpoint: string | null | undefined;
}

/** Concatenate parts; in an optional part (`strict`) a missing value drops the whole part (null). */
function fill(parts: Part[], ctx: Ctx, strict: boolean): string | null {
  let out = '';
  for (const p of parts) {
    if (p.kind === 'text') out += p.text;
    else if (p.kind === 'opt') out += fill(p.parts, ctx, true) ?? '';
    else {
      const v = p.kind === 'pos' ? (ctx.values[p.n - 1] ?? null) : named(p.name, ctx);
      if (v === null && strict) return null;
      out += v ?? '';
    }
  }
  return out;
}

function named(name: string, ctx: Ctx): string | null {
  if (name === '@endpoint') {
    if (ctx.endpoint === undefined) ctx.endpoint = endpointOf(ctx.values);
    return ctx.endpoint;
  }
  const v = ctx.data?.[name];
  if (v === undefined || v === null) return null;
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function compile(text: string): Part[] {
  const out: Part[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('[', i);
    if (open < 0) {
      out.push(...compileFlat(text.slice(i)));
      break;
    }
    const close = text.indexOf(']', open);
    out.push(...compileFlat(text.slice(i, open)));
    out.push({ kind: 'opt', parts: compileFlat(text.slice(open + 1, close)) });
    i = close + 1;
  }
  return out;
}

function compileFlat(text: string): Part[] {
  const out: Part[] = [];
  const re = /%\{([@A-Za-z0-9_]+)\}|%([1-9][0-9]?)/g;
  let last = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m.index > last) out.push(textPart(text.slice(last, m.index)));
    out.push(m[1] !== undefined ? { kind: 'name', name: m[1] } : { kind: 'pos', n: Number(m[2]) });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(textPart(text.slice(last)));
  return out;
}

function textPart(text: string): Part {
  const b = Buffer.from(text, 'utf8');
  return { kind: 'text', text, bytes: new Uint8Array(b.buffer, b.byteOffset, b.length) };
}
