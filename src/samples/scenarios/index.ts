/** Every incident scenario, in the order of samples/. */
import type { Scenario } from '../types.js';
import { scenario as abo5506 } from './abo-5506-iisadmin.js';
import { scenario as inetmgr6 } from './abo-inetmgr6-adsutil.js';
import { scenario as sccm } from './sccm-5511-2161.js';
import { scenario as keyset } from './keyset-dragdrop-0x80090016.js';
import { scenario as nonexportable } from './nonexportable-0x8009030d.js';
import { scenario as corrupt } from './corrupt-key-0x8009001a.js';
import { scenario as healthy } from './healthy-baseline.js';
import { scenario as twoHosts } from './two-hosts.js';

export const SCENARIOS: Scenario[] = [abo5506, inetmgr6, sccm, keyset, nonexportable, corrupt, healthy, twoHosts];
