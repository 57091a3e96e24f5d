import { describe, expect, it } from 'vitest';
import type { Principal } from './principal.js';
import {
  type Agreement,
  decideAction,
  decideHit,
  decideRecord,
  explainAccess,
  pseudonym,
  type RecordMeta,
  redact,
  registerFieldRules,
  registerPermissions,
  scopeOf,
} from './policy.js';

const who = (over: Partial<Principal> = {}): Principal => ({
  userId: 'u1', name: 'A', email: 'a@x', agencyCode: 'west-yorkshire', agencyName: 'West Yorkshire Police', agencyType: 'police_force',
  region: null, forceAreaCode: null, roles: ['intelligence_officer'], via: 'session', ...over,
});
const agreement = (over: Partial<Agreement> = {}): Agreement => ({
  id: 1, name: 'Police to police', fromAgencyCode: null, fromAgencyType: 'police_force', toAgencyCode: null, toAgencyType: 'police_force',
  recordKinds: ['intel'], purposes: ['law-enforcement'], validFrom: '2026-01-01', validUntil: null, ...over,
});
const rec = (over: Partial<RecordMeta> = {}): RecordMeta => ({ kind: 'intel', id: 'r1', owningAgencyCode: 'met', owningAgencyType: 'police_force', handlingCode: 'P', ...over });
const on = { today: '2026-06-01' };

registerPermissions({
  'ptest.read': { roles: ['analyst', 'intelligence_officer'], description: 'Read test records' },
  'ptest.refer': { roles: ['first_responder'], agencyTypes: ['police_force', 'ngo'], description: 'Refer' },
  'ptest.me': { roles: 'any-signed-in', description: 'Who am I', scope: false },
});

describe('route permissions', () => {
  it('allows by role and names the rule that refuses', () => {
    expect(decideAction(who(), 'ptest.read')).toMatchObject({ allow: true, rule: 'role' });
    expect(decideAction(who({ roles: ['auditor'] }), 'ptest.read')).toMatchObject({ allow: false, rule: 'role' });
    expect(decideAction(null, 'ptest.read')).toMatchObject({ allow: false, rule: 'sign-in' });
    expect(decideAction(who(), 'ptest.nothing')).toMatchObject({ allow: false, rule: 'undeclared' });
  });
  it('restricts by kind of agency before role', () => {
    expect(decideAction(who({ roles: ['first_responder'] }), 'ptest.refer').allow).toBe(true);
    expect(decideAction(who({ roles: ['first_responder'], agencyType: 'nca' }), 'ptest.refer')).toMatchObject({ allow: false, rule: 'agency-type' });
  });
  it('limits tokens to their scopes, except actions that need none', () => {
    expect(decideAction(who({ via: 'token', scopes: ['other'] }), 'ptest.read')).toMatchObject({ allow: false, rule: 'token-scope' });
    expect(decideAction(who({ via: 'token', scopes: ['ptest'] }), 'ptest.read').allow).toBe(true);
    expect(decideAction(who({ via: 'token', scopes: ['*'] }), 'ptest.read').allow).toBe(true);
    expect(scopeOf('ptest.me')).toBeNull();
    expect(decideAction(who({ via: 'token', scopes: ['other'] }), 'ptest.me').allow).toBe(true);
  });
  it('refuses a conflicting second declaration of a permission', () => {
    expect(() => registerPermissions({ 'ptest.read': { roles: ['auditor'], description: 'x' } })).toThrow(/declared twice/);
  });
});

describe('record decisions', () => {
  const ctx = { agreements: [agreement()], ...on };
  it('grants the owner, whatever the handling conditions', () => {
    expect(decideRecord(who({ agencyCode: 'met' }), rec({ handlingCode: 'C', conditions: { namedAgencies: ['x'] } }), ctx).rule).toBe('ownership');
  });
  it('grants through an agreement in force and refuses without one', () => {
    expect(decideRecord(who(), rec(), ctx)).toMatchObject({ allow: true, rule: 'agreement' });
    expect(decideRecord(who(), rec(), { agreements: [], ...on })).toMatchObject({ allow: false, rule: 'no-agreement' });
    expect(decideRecord(who({ agencyType: 'ngo' }), rec(), ctx).allow).toBe(false);
    expect(decideRecord(who(), rec({ kind: 'other' }), ctx).allow).toBe(false);
    expect(decideRecord(who(), rec({ owningAgencyType: undefined }), ctx).allow).toBe(false);
  });
  it('honours dates, withdrawal and purposes of agreements', () => {
    expect(decideRecord(who(), rec(), { agreements: [agreement({ validUntil: '2026-05-31' })], ...on }).allow).toBe(false);
    expect(decideRecord(who(), rec(), { agreements: [agreement({ validFrom: '2026-06-02' })], ...on }).allow).toBe(false);
    expect(decideRecord(who(), rec(), { agreements: [agreement({ withdrawnAt: '2026-05-01' })], ...on }).allow).toBe(false);
    expect(decideRecord(who(), rec(), { ...ctx, purpose: 'law-enforcement' }).allow).toBe(true);
    expect(decideRecord(who(), rec(), { ...ctx, purpose: 'victim-support' })).toMatchObject({ allow: false, rule: 'no-agreement' });
    expect(decideRecord(who(), rec(), { agreements: [agreement({ purposes: [] })], ...on, purpose: 'victim-support' }).allow).toBe(true);
  });
  it('applies handling code C conditions on top of agreements', () => {
    const named = rec({ handlingCode: 'C', conditions: { namedAgencies: ['nca'] } });
    expect(decideRecord(who(), named, ctx)).toMatchObject({ allow: false, rule: 'handling-condition' });
    expect(decideRecord(who({ agencyCode: 'nca', agencyType: 'nca' }), named, { agreements: [], ...on })).toMatchObject({ allow: true, rule: 'handling-condition' });
    const consent = rec({ handlingCode: 'C', conditions: { originatorConsent: true, consentedAgencies: [] } });
    expect(decideRecord(who(), consent, ctx)).toMatchObject({ allow: false, rule: 'handling-condition' });
    expect(decideRecord(who(), { ...consent, conditions: { originatorConsent: true, consentedAgencies: ['west-yorkshire'] } }, ctx).allow).toBe(true);
    const noOnward = rec({ handlingCode: 'C', conditions: { noOnwardSharing: true } });
    expect(decideRecord(who(), noOnward, ctx).allow).toBe(true);
    expect(decideRecord(who(), noOnward, { ...ctx, onward: true })).toMatchObject({ allow: false, rule: 'handling-condition' });
  });
  it('makes conditions conjunctive: a named agency still needs the consent the originator asked for', () => {
    const both = rec({ handlingCode: 'C', conditions: { namedAgencies: ['west-yorkshire'], originatorConsent: true, consentedAgencies: [] } });
    expect(decideRecord(who(), both, ctx)).toMatchObject({ allow: false, rule: 'handling-condition' });
    const namedNoOnward = rec({ handlingCode: 'C', conditions: { namedAgencies: ['west-yorkshire'], noOnwardSharing: true } });
    expect(decideRecord(who(), namedNoOnward, { ...ctx, onward: true }).allow).toBe(false);
  });
  it('answers hit / no-hit unless the originator restricted even knowledge of the record', () => {
    expect(decideHit(who(), rec()).allow).toBe(true);
    expect(decideHit(who(), rec({ handlingCode: 'C', conditions: { namedAgencies: ['nca'] } })).allow).toBe(false);
  });
});

describe('field rules and explanations', () => {
  registerFieldRules('ptest_person', { fields: ['name'], roles: ['support_worker'], ownerSees: true });
  const person = rec({ kind: 'ptest_person' });
  it('pseudonymises identity fields for roles that do not need them', () => {
    expect(redact(who(), person, { name: 'Ana', age: 3 })).toEqual({ name: pseudonym('ptest_person', 'r1', 'name'), age: 3 });
    expect(redact(who({ roles: ['support_worker'] }), person, { name: 'Ana' }).name).toBe('Ana');
    expect(redact(who({ agencyCode: 'met' }), person, { name: 'Ana' }).name).toBe('Ana');
  });
  it('explains the chain of decisions and names the step that refused', () => {
    const ok = explainAccess(who(), person, { agreements: [agreement({ recordKinds: ['ptest_person'] })], ...on, action: 'ptest.read' });
    expect(ok.allow).toBe(true);
    expect(ok.steps.map((s) => [s.step, s.decision.rule])).toEqual([['route', 'role'], ['record', 'agreement'], ['fields', 'field-rule']]);
    const no = explainAccess(who(), person, { agreements: [], ...on, action: 'ptest.read', purposeGiven: { purpose: 'safeguarding' } });
    expect(no.allow).toBe(false);
    expect(no.refusedBy?.decision.rule).toBe('no-agreement');
    expect(no.steps.at(-1)?.step).toBe('purpose');
  });
});
