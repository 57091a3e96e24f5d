import type { FusionApp } from '../kernel/capability.js';

/** The URL prefixes of this capability's routes. */
const MINE =
  /^\/(api\/v1\/(intelligence|debrief|subject-claims|arrivals|nccu|community-submissions|poster-locations|collection-|problem-profiles)|intelligence|debriefs|nccu|community|report-it)/;

const registries = new WeakMap<object, Map<string, string>>();

/** Records "METHOD url" -> permission for every route of this capability registered from now on (for tests). */
export function recordRoutes(app: FusionApp): void {
  const routes = new Map<string, string>();
  registries.set(app, routes);
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const m of methods) {
      if (m === 'HEAD' || !MINE.test(r.url)) continue;
      routes.set(`${m} ${r.url}`, (r.config as { access?: string } | undefined)?.access ?? '');
    }
  });
}

export function recordedRoutes(app: object): Map<string, string> {
  return registries.get(app) ?? new Map();
}
