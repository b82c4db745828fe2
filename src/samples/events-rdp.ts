/**
 * Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational events, shaped as public
 * exports show them (provider GUID, Version 0, Keywords 0x1000000000000000, UserID S-1-5-20 =
 * NETWORK SERVICE, ProcessID = the svchost.exe of TermService, UserData `<EventXML xmlns="Event_NS">`
 * with `listenerName`).
 */
import { v } from '../evtx/writer/index.js';
import { KW, P } from './catalogue.js';
import type { Draft, HostCtx } from './events-system.js';
import type { LogName } from './types.js';

export const RCM_LOG: LogName = 'Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational';

function rcm(c: HostCtx, t: bigint, id: number): Draft {
  return {
    provider: P.rcm,
    eventId: id,
    version: 0,
    level: 4,
    task: 0,
    opcode: 0,
    keywords: KW.rcm,
    processId: c.pids(t).termService,
    threadId: c.r.int(100, 9000) & ~3,
    userSid: 'S-1-5-20',
    data: {
      kind: 'user-data',
      root: 'EventXML',
      xmlns: 'Event_NS',
      fields: [{ name: 'listenerName', value: v.str('RDP-Tcp') }],
    },
  };
}

/** 261 "Listener RDP-Tcp received a connection" (any TCP connection to 3389; no client address). */
export const listenerConnection = (c: HostCtx, t: bigint): Draft => rcm(c, t, 261);
