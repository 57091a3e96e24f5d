import { describe, expect, it } from 'vitest';
import { parsePurpose, purposeFromHeader } from '../access/purpose.js';
import type { Principal } from '../access/principal.js';
import { storableJson, storableText } from '../audit/chain.js';
import { agreementStatus, checkAgreement } from './agreements-model.js';
import { checkAuditQuery } from './audit-model.js';
import { dateFromParts, csvSafe } from './forms.js';
import { checkDecision } from './retention-model.js';
import { checkNewUser, checkUserChange, userStatus } from './users-model.js';

const admin = { userId: 'a', agencyCode: 'met', roles: ['administrator'] } as unknown as Principal;

describe('user administration rules', () => {
  it('checks a new user', () => {
    expect(checkNewUser({ email: ' New@Met.Police.UK ', name: ' N ', roles: ['analyst'] })).toMatchObject({ ok: true, value: { email: 'new@met.police.uk', name: 'N' } });
    const bad = checkNewUser({ email: 'nope', name: '', roles: [], password: 'short' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.fields.map((f) => f.field)).toEqual(['email', 'name', 'roles', 'password']);
  });
  it('stops administrators locking themselves out', () => {
    expect(checkUserChange(admin, { id: 'a', agencyCode: 'met' }, { roles: ['analyst'] })[0]?.field).toBe('roles');
    expect(checkUserChange(admin, { id: 'a', agencyCode: 'met' }, { disabled: true })[0]?.field).toBe('disabled');
    expect(checkUserChange(admin, { id: 'b', agencyCode: 'met' }, { roles: ['analyst'], disabled: true })).toEqual([]);
  });
  it('derives the status', () => {
    expect(userStatus({ disabled: false, locked_until: new Date(Date.now() + 60_000) })).toBe('locked');
    expect(userStatus({ disabled: true, locked_until: null })).toBe('disabled');
    expect(userStatus({ disabled: false, locked_until: new Date(Date.now() - 1) })).toBe('active');
  });
});

describe('agreement rules', () => {
  const codes = new Set(['met', 'la-leeds']);
  it('accepts a well-formed agreement from the own agency', () => {
    const r = checkAgreement({ name: 'Met to Leeds', toAgencyCode: 'la-leeds', recordKinds: ['person'], purposes: ['safeguarding'], validUntil: '2027-03-31' }, 'met', codes, '2026-06-01');
    expect(r).toMatchObject({ ok: true, value: { validFrom: '2026-06-01', validUntil: '2027-03-31' } });
  });
  it('refuses sharing with oneself, unknown agencies, bad kinds and purposes, backwards dates', () => {
    const r = checkAgreement({ name: 'x', toAgencyCode: 'met', recordKinds: ['Bad Kind'], purposes: ['fun'], validFrom: '2026-06-01', validUntil: '2026-05-01' }, 'met', codes, '2026-06-01');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fields.map((f) => f.field)).toEqual(['name', 'toAgencyCode', 'recordKinds', 'purposes', 'validUntil']);
    expect(checkAgreement({ name: 'Both', toAgencyCode: 'la-leeds', toAgencyType: 'ngo', recordKinds: ['x1'], purposes: ['audit'] }, 'met', codes, '2026-06-01').ok).toBe(false);
    expect(checkAgreement({ name: 'Date', toAgencyType: 'ngo', recordKinds: ['x1'], purposes: ['audit'], validFrom: '2026-02-30' }, 'met', codes, '2026-06-01').ok).toBe(false);
  });
  it('derives the status', () => {
    expect(agreementStatus({ valid_from: '2026-01-01', valid_until: null, withdrawn_at: null }, '2026-06-01')).toBe('in-force');
    expect(agreementStatus({ valid_from: '2026-07-01', valid_until: null, withdrawn_at: null }, '2026-06-01')).toBe('not-yet');
    expect(agreementStatus({ valid_from: '2026-01-01', valid_until: '2026-05-31', withdrawn_at: null }, '2026-06-01')).toBe('ended');
    expect(agreementStatus({ valid_from: '2026-01-01', valid_until: null, withdrawn_at: new Date() }, '2026-06-01')).toBe('withdrawn');
  });
});

describe('retention decisions', () => {
  it('needs a future next review within ten years to retain, and none to dispose', () => {
    expect(checkDecision({ decision: 'retain', reason: 'Risk remains', nextReview: '2027-01-01' }, '2026-06-01')).toMatchObject({ ok: true });
    expect(checkDecision({ decision: 'retain', reason: 'r', nextReview: '2026-06-01' }, '2026-06-01').ok).toBe(false);
    expect(checkDecision({ decision: 'retain', reason: 'r', nextReview: '2036-06-02' }, '2026-06-01').ok).toBe(false);
    expect(checkDecision({ decision: 'dispose', reason: 'No longer needed' }, '2026-06-01')).toMatchObject({ ok: true, value: { nextReview: null } });
    expect(checkDecision({ decision: 'dispose', reason: 'r', nextReview: '2027-01-01' }, '2026-06-01').ok).toBe(false);
    expect(checkDecision({}, '2026-06-01')).toMatchObject({ ok: false });
  });
});

describe('purposes, audit filters and forms', () => {
  it('parses purposes from forms and the header', () => {
    expect(parsePurpose({ purpose: 'safeguarding' })).toMatchObject({ ok: true });
    expect(parsePurpose({ purpose: 'other' })).toMatchObject({ ok: false });
    expect(parsePurpose({ purpose: 'nonsense' })).toMatchObject({ ok: false });
    expect(purposeFromHeader('other: checking a duplicate')).toEqual({ purpose: 'other', detail: 'checking a duplicate' });
    expect(purposeFromHeader('law-enforcement')).toEqual({ purpose: 'law-enforcement', detail: null });
    expect(purposeFromHeader('bogus')).toBeNull();
  });
  it('checks audit filters', () => {
    expect(checkAuditQuery({ from: '2026-13-01' }).ok).toBe(false);
    expect(checkAuditQuery({ from: '2026-02-01', to: '2026-01-01' }).ok).toBe(false);
    expect(checkAuditQuery({ user: ' X@Y.Z ', outcome: '' })).toMatchObject({ ok: true, filter: { user: 'x@y.z', outcome: undefined } });
  });
  it('reads GOV.UK date inputs and neutralises spreadsheet formulas', () => {
    expect(dateFromParts('1', '4', '2027')).toBe('2027-04-01');
    expect(dateFromParts('', '', '')).toBe('');
    expect(dateFromParts('x', '4', '2027')).toBeNull();
    expect(csvSafe('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
  });
  it('stores audit text as PostgreSQL keeps it', () => {
    expect(storableText('a\u0000b\ud800c')).toBe('a\uFFFDb\uFFFDc');
    expect(storableJson({ d: new Date(0), n: 1n, k: { 'x\u0000': 'y' } })).toEqual({ d: '1970-01-01T00:00:00.000Z', n: '1', k: { 'x\uFFFD': 'y' } });
  });
});
