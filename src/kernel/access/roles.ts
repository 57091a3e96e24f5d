export const ROLES = [
  'first_responder',
  'decision_maker',
  'second_reviewer',
  'intelligence_officer',
  'analyst',
  'supervisor',
  'support_worker',
  'partnership_coordinator',
  'ms_lead',
  'auditor',
  'administrator',
  'integrator',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  first_responder: 'First responder',
  decision_maker: 'Competent-authority decision-maker',
  second_reviewer: 'Second reviewer',
  intelligence_officer: 'Intelligence officer',
  analyst: 'Analyst',
  supervisor: 'Supervisor',
  support_worker: 'Support worker or victim navigator',
  partnership_coordinator: 'Partnership coordinator',
  ms_lead: 'Modern slavery lead',
  auditor: 'Auditor',
  administrator: 'Administrator',
  integrator: 'Integrator',
};

export const isRole = (v: string): v is Role => (ROLES as readonly string[]).includes(v);
