import type { FusionApp } from '../../kernel/capability.js';
import type { AppContext } from '../../kernel/context.js';
import { analysisPages } from './analysis.js';
import { communityPages } from './community.js';
import { debriefPages } from './debriefs.js';
import { nccuPages } from './nccu.js';
import { reportPages } from './reports.js';

export async function intelligencePages(app: FusionApp, ctx: AppContext) {
  reportPages(app, ctx);
  debriefPages(app, ctx);
  nccuPages(app, ctx);
  communityPages(app, ctx);
  analysisPages(app, ctx);
}
