import type { RouteExpectation } from '../kernel/access/expectations.js';

/** Who may call each of this capability's routes (checked by the access-matrix test). */
const readers = { roles: ['ms_lead', 'supervisor', 'analyst', 'auditor'] } as const;
const governance = { roles: ['ms_lead'], agencyTypes: ['police_force', 'national_policing'] } as const;
const reviewWrite = { roles: ['ms_lead'], agencyTypes: ['national_policing'] } as const;
const progress = { roles: ['ms_lead'], agencyTypes: ['police_force', 'rocu', 'national_policing'] } as const;
const recUpdate = { roles: ['ms_lead', 'supervisor'] } as const;
const trainingImport = {
  roles: ['ms_lead', 'analyst'],
  agencyTypes: ['police_force', 'national_policing'],
} as const;

export const ACCESS_EXPECTATIONS: RouteExpectation[] = [
  // API
  { route: 'GET /api/v1/stats/measures', allowed: readers },
  { route: 'GET /api/v1/stats/dashboard', allowed: readers },
  { route: 'GET /api/v1/stats/measures/:id', allowed: readers },
  { route: 'GET /api/v1/stats/governance', allowed: readers },
  { route: 'PUT /api/v1/stats/governance/:force', allowed: governance },
  { route: 'GET /api/v1/peer-reviews', allowed: readers },
  { route: 'POST /api/v1/peer-reviews', allowed: reviewWrite },
  { route: 'GET /api/v1/peer-reviews/:id', allowed: readers },
  { route: 'PATCH /api/v1/peer-reviews/:id', allowed: reviewWrite },
  { route: 'POST /api/v1/peer-reviews/:id/items', allowed: reviewWrite },
  { route: 'POST /api/v1/peer-reviews/:id/items/:itemId/updates', allowed: progress },
  { route: 'GET /api/v1/recommendations', allowed: readers },
  { route: 'GET /api/v1/recommendations/:id', allowed: readers },
  { route: 'PATCH /api/v1/recommendations/:id', allowed: recUpdate },
  { route: 'GET /api/v1/training/courses', allowed: readers },
  { route: 'GET /api/v1/training', allowed: readers },
  { route: 'POST /api/v1/training/imports', allowed: trainingImport },
  // Pages
  { route: 'GET /performance/assets/performance.css', allowed: 'public' },
  { route: 'GET /performance', allowed: readers },
  { route: 'GET /performance/print', allowed: readers },
  { route: 'GET /performance/dashboard.csv', allowed: readers },
  { route: 'GET /performance/governance', allowed: readers },
  { route: 'GET /performance/governance/:force/edit', allowed: governance },
  { route: 'POST /performance/governance/:force/edit', allowed: governance },
  { route: 'GET /performance/peer-reviews', allowed: readers },
  { route: 'GET /performance/peer-reviews/new', allowed: reviewWrite },
  { route: 'POST /performance/peer-reviews/new', allowed: reviewWrite },
  { route: 'GET /performance/peer-reviews/:id', allowed: readers },
  { route: 'GET /performance/peer-reviews/:id/edit', allowed: reviewWrite },
  { route: 'POST /performance/peer-reviews/:id/edit', allowed: reviewWrite },
  { route: 'GET /performance/peer-reviews/:id/items/new', allowed: reviewWrite },
  { route: 'POST /performance/peer-reviews/:id/items/new', allowed: reviewWrite },
  { route: 'GET /performance/peer-reviews/:id/items/:itemId', allowed: readers },
  { route: 'POST /performance/peer-reviews/:id/items/:itemId', allowed: progress },
  { route: 'GET /performance/recommendations', allowed: readers },
  { route: 'GET /performance/recommendations/:id', allowed: readers },
  { route: 'POST /performance/recommendations/:id', allowed: recUpdate },
  { route: 'GET /performance/training', allowed: readers },
  { route: 'GET /performance/training/import', allowed: trainingImport },
  { route: 'POST /performance/training/import', allowed: trainingImport },
  { route: 'GET /performance/training/imports/:id', allowed: trainingImport },
];
