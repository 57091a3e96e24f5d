import type { AgencyType } from '../reference/agencies.js';
import type { Principal } from './principal.js';
import type { Role } from './roles.js';

/**
 * THE access policy. Pure and table-driven: every route names a permission (an action), every record read or
 * written is decided by `decideRecord` (an ordered table of rules, the first that answers wins), and every
 * personal field passes `redact`. Capabilities contribute data (their permission rows and field rules) through
 * `registerPermissions`/`registerFieldRules`; the decisions are made only here, so one module answers "who may do
 * what, and why".
 */

export interface Decision {
  allow: boolean;
  /** Machine name of the rule that decided: 'ownership', 'agreement', 'handling-condition', 'role', ... */
  rule: string;
  /** Plain-English explanation shown to the user ("Why can I see this?" / why refused). */
  reason: string;
}

/** Plain names of the rules, for pages that explain a decision. */
export const RULE_LABELS: Record<string, string> = {
  public: 'Open to everyone',
  'signed-in': 'Every signed-in user',
  'sign-in': 'Sign-in needed',
  undeclared: 'No permission declared',
  'token-scope': 'API token scope',
  'agency-type': 'Kind of agency',
  role: 'Your role',
  ownership: 'Your agency owns the record',
  agreement: 'Data-sharing agreement',
  'no-agreement': 'No data-sharing agreement',
  'handling-condition': 'Handling code C condition',
  'no-field-rule': 'No protected fields',
  'field-rule': 'Identity fields pseudonymised',
  'hit-no-hit': 'Hit / no-hit',
  purpose: 'Purpose you gave',
  'agreement-owner': 'Owner of the agreement',
  'own-agency': 'Your own agency only',
};

// ---------------------------------------------------------------------------------------------------------------
// Route permissions

export interface Permission {
  /** Roles that may perform the action; 'any-signed-in' for every signed-in user; 'public' for no sign-in. */
  roles: readonly Role[] | 'any-signed-in' | 'public';
  /** Optional restriction to kinds of agency (e.g. only first-responder organisations may refer). */
  agencyTypes?: readonly AgencyType[];
  /**
   * The API token scope needed (defaults to the action's prefix, e.g. 'referrals'); `false` for actions every
   * token may perform (who am I, progress of my job).
   */
  scope?: string | false;
  description: string;
}

const permissions = new Map<string, Permission>();

export function registerPermissions(table: Record<string, Permission>): void {
  for (const [action, p] of Object.entries(table)) {
    const existing = permissions.get(action);
    if (existing && JSON.stringify(existing) !== JSON.stringify(p)) throw new Error(`Permission ${action} is declared twice.`);
    permissions.set(action, p);
  }
}

export function getPermission(action: string): Permission | undefined {
  return permissions.get(action);
}

export function allPermissions(): ReadonlyMap<string, Permission> {
  return permissions;
}

/** The token scope an action needs, or null when any token may perform it. */
export function scopeOf(action: string): string | null {
  const scope = permissions.get(action)?.scope;
  if (scope === false) return null;
  return scope ?? action.split('.')[0]!;
}

/** Every scope a token can be given ('*' = all its user's roles allow). */
export function knownScopes(): string[] {
  const out = new Set<string>();
  for (const [action, p] of permissions) {
    if (p.roles === 'public') continue;
    const s = scopeOf(action);
    if (s) out.add(s);
  }
  return [...out].sort();
}

const list = (xs: readonly string[]) => xs.join(', ').replace(/_/g, ' ');

/** Decides whether a principal may perform an action (route level). */
export function decideAction(principal: Principal | null, action: string): Decision {
  const p = permissions.get(action);
  if (!p) return { allow: false, rule: 'undeclared', reason: `No permission is declared for ${action}.` };
  if (p.roles === 'public') return { allow: true, rule: 'public', reason: 'Open to everyone.' };
  if (!principal) return { allow: false, rule: 'sign-in', reason: 'Sign in to continue.' };
  const scope = scopeOf(action);
  if (scope && principal.scopes && !principal.scopes.includes('*') && !principal.scopes.includes(scope)) {
    return { allow: false, rule: 'token-scope', reason: `This API token lacks the "${scope}" scope.` };
  }
  if (p.agencyTypes && !p.agencyTypes.includes(principal.agencyType)) {
    return {
      allow: false,
      rule: 'agency-type',
      reason: `Only these kinds of agency may ${p.description.toLowerCase()}: ${list(p.agencyTypes)}.`,
    };
  }
  if (p.roles === 'any-signed-in') return { allow: true, rule: 'signed-in', reason: 'Every signed-in user may do this.' };
  const held = p.roles.filter((r) => principal.roles.includes(r));
  if (held.length === 0) {
    return {
      allow: false,
      rule: 'role',
      reason: `You need one of these roles to ${p.description.toLowerCase()}: ${list(p.roles)}.`,
    };
  }
  return { allow: true, rule: 'role', reason: `Your role (${list(held)}) may ${p.description.toLowerCase()}.` };
}

// ---------------------------------------------------------------------------------------------------------------
// Record-level decisions: ownership, handling code and conditions, data-sharing agreements

export type HandlingCode = 'P' | 'C';

export interface HandlingConditions {
  /** Only these agencies (besides the owner) may see the record. */
  namedAgencies?: string[];
  /** Recipients may read but not pass the record on. */
  noOnwardSharing?: boolean;
  /** Any agency outside the owner needs the originator's consent, recorded in consentedAgencies. */
  originatorConsent?: boolean;
  consentedAgencies?: string[];
  /** Free text of the conditions, as the originator wrote them. */
  text?: string;
}

export interface RecordMeta {
  kind: string;
  id?: string;
  owningAgencyCode: string;
  owningAgencyType?: AgencyType;
  handlingCode?: HandlingCode;
  conditions?: HandlingConditions | null;
}

export interface Agreement {
  id: number;
  name: string;
  fromAgencyCode: string | null;
  fromAgencyType: string | null;
  toAgencyCode: string | null;
  toAgencyType: string | null;
  recordKinds: string[];
  /** What the shared records may be used for; empty = any purpose. */
  purposes: string[];
  validFrom: string;
  validUntil: string | null;
  /** A withdrawn agreement shares nothing (kept for history). */
  withdrawnAt?: string | null;
}

export interface RecordContext {
  agreements: readonly Agreement[];
  /** ISO date used to test agreement validity (defaults to today). */
  today?: string;
  /** Disseminating onwards (rather than reading) is refused under "no onward sharing". */
  onward?: boolean;
  /** The purpose of this access, when known: an agreement then shares only for the purposes it lists. */
  purpose?: string;
}

const todayIso = () => new Date().toISOString().slice(0, 10);

export function agreementCovers(a: Agreement, record: RecordMeta, principal: Principal, on: string, purpose?: string): boolean {
  if (a.withdrawnAt) return false;
  const fromOk =
    (a.fromAgencyCode !== null && a.fromAgencyCode === record.owningAgencyCode) ||
    (a.fromAgencyCode === null && a.fromAgencyType !== null && a.fromAgencyType === record.owningAgencyType);
  const toOk =
    (a.toAgencyCode !== null && a.toAgencyCode === principal.agencyCode) ||
    (a.toAgencyCode === null && a.toAgencyType !== null && a.toAgencyType === principal.agencyType);
  const kindOk = a.recordKinds.includes(record.kind) || a.recordKinds.includes('*');
  const dateOk = a.validFrom <= on && (a.validUntil === null || a.validUntil >= on);
  const purposeOk = purpose === undefined || a.purposes.length === 0 || a.purposes.includes(purpose);
  return fromOk && toOk && kindOk && dateOk && purposeOk;
}

/** The conditions that apply: only a record marked C carries them (anything other than P counts as C). */
function conditionsOf(record: RecordMeta): HandlingConditions | null {
  if (record.handlingCode === undefined || record.handlingCode === 'P') return null;
  return record.conditions ?? {};
}

const kindName = (kind: string) => kind.replace(/_/g, ' ');

interface RecordRule {
  /** Returns a decision when this rule settles the question, or null to ask the next rule. */
  decide(principal: Principal, record: RecordMeta, ctx: RecordContext): Decision | null;
}

/**
 * The record rules, in order. Handling conditions are restrictions the originator places on top of any other
 * basis, so every refusing condition is tested before anything that grants; the grants are ownership, the
 * originator naming the agency, and a data-sharing agreement in force.
 */
const RECORD_RULES: readonly RecordRule[] = [
  {
    decide: (p, r) =>
      r.owningAgencyCode === p.agencyCode
        ? { allow: true, rule: 'ownership', reason: `Your agency (${p.agencyName}) owns this record.` }
        : null,
  },
  {
    decide: (p, r) => {
      const c = conditionsOf(r);
      return c?.namedAgencies?.length && !c.namedAgencies.includes(p.agencyCode)
        ? {
            allow: false,
            rule: 'handling-condition',
            reason: 'Handling code C: the originator named the agencies that may see this record, and yours is not one of them.',
          }
        : null;
    },
  },
  {
    decide: (p, r) => {
      const c = conditionsOf(r);
      return c?.originatorConsent && !(c.consentedAgencies ?? []).includes(p.agencyCode)
        ? {
            allow: false,
            rule: 'handling-condition',
            reason: "Handling code C: the originator's consent is needed before your agency may see this record.",
          }
        : null;
    },
  },
  {
    decide: (_p, r, ctx) =>
      ctx.onward && conditionsOf(r)?.noOnwardSharing
        ? { allow: false, rule: 'handling-condition', reason: 'Handling code C: no onward sharing. Only the originator may pass this record on.' }
        : null,
  },
  {
    decide: (p, r) => {
      const c = conditionsOf(r);
      return c?.namedAgencies?.includes(p.agencyCode)
        ? { allow: true, rule: 'handling-condition', reason: 'Handling code C: the originator named your agency among those that may see this record.' }
        : null;
    },
  },
  {
    decide: (p, r, ctx) => {
      const on = ctx.today ?? todayIso();
      const a = ctx.agreements.find((x) => agreementCovers(x, r, p, on, ctx.purpose));
      if (!a) return null;
      const purposes = a.purposes.length ? ` for ${a.purposes.join(', ').replace(/-/g, ' ')}` : '';
      const until = a.validUntil ? ` until ${a.validUntil}` : '';
      return {
        allow: true,
        rule: 'agreement',
        reason: `The data-sharing agreement "${a.name}" shares ${kindName(r.kind)} records with your agency${purposes}${until}.`,
      };
    },
  },
  {
    decide: (_p, r, ctx) => ({
      allow: false,
      rule: 'no-agreement',
      reason: ctx.purpose
        ? `No data-sharing agreement shares ${kindName(r.kind)} records of this agency with yours for ${ctx.purpose.replace(/-/g, ' ')}.`
        : `No data-sharing agreement shares ${kindName(r.kind)} records of this agency with yours.`,
    }),
  },
];

/** May this principal see this record at all? Field-level redaction still applies afterwards. */
export function decideRecord(principal: Principal, record: RecordMeta, ctx: RecordContext): Decision {
  for (const rule of RECORD_RULES) {
    const d = rule.decide(principal, record, ctx);
    if (d) return d;
  }
  /* c8 ignore next */
  return { allow: false, rule: 'no-agreement', reason: 'No rule grants access.' };
}

/**
 * May a principal who cannot see a record be told that it exists (hit / no-hit)? Yes, unless the originator
 * named the agencies that may know about it and the principal's is not one of them.
 */
export function decideHit(principal: Principal, record: RecordMeta): Decision {
  const c = conditionsOf(record);
  if (record.owningAgencyCode !== principal.agencyCode && c?.namedAgencies?.length && !c.namedAgencies.includes(principal.agencyCode)) {
    return { allow: false, rule: 'handling-condition', reason: 'Handling code C: the originator restricts even the knowledge of this record.' };
  }
  return { allow: true, rule: 'hit-no-hit', reason: 'You may be told that a matching record exists and whom to contact.' };
}

/** Hit / no-hit: what a user who may not see a record is told when one exists that matters to them. */
export function hitNoHit(record: RecordMeta, owningAgencyName: string): { match: true; contact: string; message: string } {
  return {
    match: true,
    contact: record.owningAgencyCode,
    message: `A match exists: contact ${owningAgencyName}.`,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Field-level rules: victim identity only for roles that need it, pseudonymised elsewhere

export interface FieldRule {
  /** Fields (of this kind of record) that identify a person. */
  fields: readonly string[];
  /** Roles that see them in clear (when the record itself is visible). */
  roles: readonly Role[];
  /** Whether users of the owning agency always see them in clear. */
  ownerSees: boolean;
}

const fieldRules = new Map<string, FieldRule>();

export function registerFieldRules(kind: string, rule: FieldRule): void {
  const existing = fieldRules.get(kind);
  if (existing && JSON.stringify(existing) !== JSON.stringify(rule)) throw new Error(`Field rules for ${kind} are declared twice.`);
  fieldRules.set(kind, rule);
}

export function getFieldRule(kind: string): FieldRule | undefined {
  return fieldRules.get(kind);
}

/** Kinds of record that have field rules. */
export function fieldRuleKinds(): string[] {
  return [...fieldRules.keys()];
}

export function canSeeIdentity(principal: Principal, record: RecordMeta): Decision {
  const rule = fieldRules.get(record.kind);
  if (!rule) return { allow: true, rule: 'no-field-rule', reason: 'This kind of record has no protected fields.' };
  if (rule.ownerSees && record.owningAgencyCode === principal.agencyCode) {
    return { allow: true, rule: 'ownership', reason: 'Your agency owns this record and sees identity fields.' };
  }
  const held = rule.roles.filter((r) => principal.roles.includes(r));
  if (held.length) return { allow: true, rule: 'role', reason: `Your role (${list(held)}) sees identity fields.` };
  return { allow: false, rule: 'field-rule', reason: `Identity fields (${list(rule.fields)}) are pseudonymised for your role.` };
}

/** Returns a copy with protected fields replaced by a stable pseudonym when the principal may not see them. */
export function redact<T extends Record<string, unknown>>(principal: Principal, record: RecordMeta, row: T): T {
  const rule = fieldRules.get(record.kind);
  if (!rule || canSeeIdentity(principal, record).allow) return row;
  const out: Record<string, unknown> = { ...row };
  for (const f of rule.fields) {
    if (out[f] !== undefined && out[f] !== null) out[f] = pseudonym(record.kind, record.id ?? '', f);
  }
  return out as T;
}

export function pseudonym(kind: string, id: string, field: string): string {
  let h = 2166136261;
  for (const ch of `${kind}:${id}:${field}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return `[withheld ${(h >>> 0).toString(36).toUpperCase().slice(0, 5)}]`;
}

// ---------------------------------------------------------------------------------------------------------------
// "Why can I see this?": the chain of decisions behind one record on one page

export interface AccessStep {
  step: 'route' | 'record' | 'fields' | 'purpose';
  /** What was asked, in plain words. */
  question: string;
  decision: Decision;
  /** Plain name of the deciding rule. */
  ruleLabel: string;
}

export interface AccessExplanation {
  allow: boolean;
  steps: AccessStep[];
  /** The step that refused, when one did. */
  refusedBy: AccessStep | null;
}

export interface ExplainContext extends RecordContext {
  /** The route's permission (e.g. 'entities.people.read'); adds the route step. */
  action?: string;
  /** The purpose the user recorded for this record, when one is needed. */
  purposeGiven?: { purpose: string; at?: Date | string | null } | null;
}

const stepOf = (step: AccessStep['step'], question: string, decision: Decision): AccessStep => ({
  step,
  question,
  decision,
  ruleLabel: RULE_LABELS[decision.rule] ?? decision.rule,
});

/**
 * The decisions that let (or stop) a principal see a record: route permission, record decision, field rule and,
 * when given, the recorded purpose. Pure; pages render it with `kernel/views/partials/why.njk`.
 */
export function explainAccess(principal: Principal, meta: RecordMeta, ctx: ExplainContext): AccessExplanation {
  const steps: AccessStep[] = [];
  if (ctx.action) steps.push(stepOf('route', 'May you use this page or API?', decideAction(principal, ctx.action)));
  steps.push(stepOf('record', `May your agency see this ${kindName(meta.kind)}?`, decideRecord(principal, meta, ctx)));
  steps.push(stepOf('fields', 'May you see the identity fields in clear?', canSeeIdentity(principal, meta)));
  if (ctx.purposeGiven) {
    steps.push(
      stepOf('purpose', 'Why are you looking at it?', {
        allow: true,
        rule: 'purpose',
        reason: `You gave the purpose "${ctx.purposeGiven.purpose.replace(/-/g, ' ')}".`,
      }),
    );
  }
  // Pseudonymised fields do not refuse the record; only the route and record steps can.
  const refusedBy = steps.find((s) => !s.decision.allow && s.step !== 'fields') ?? null;
  return { allow: !refusedBy, steps, refusedBy };
}
