import { entities } from './entities/capability.js';
import { intelligence } from './intelligence/capability.js';
import { investigations } from './investigations/capability.js';
import type { Capability } from './kernel/capability.js';
import { trust } from './kernel/trust/capability.js';
import { ocg } from './ocg/capability.js';
import { partners } from './partners/capability.js';
import { performance } from './performance/capability.js';
import { referrals } from './referrals/capability.js';

/** Every capability of Fusion. Adding one = creating its folder under src/ and adding it here. */
export const CAPABILITIES: Capability[] = [trust, entities, referrals, intelligence, ocg, investigations, partners, performance];
