/** Every incident scenario, in the order of samples/. */
import type { Scenario } from '../types.js';
import { scenario as abo5506 } from './abo-5506-iisadmin.js';

export const SCENARIOS: Scenario[] = [abo5506];
