import { redact } from '../kernel/access/policy.js';
import type { AppContext } from '../kernel/context.js';
import { agencyName, supportMeta } from './access.js';
import { todayInUk, quarterOf, quarterRange } from './model/dates.js';
import { disengagement, quarterlyReport } from './model/support.js';
import { type Caller, disengagementSettings, visibleSupportCase } from './service.js';
import { getReferral, tables } from './store.js';
import { caseDetail, contactsFor, contactsUpTo, listSupportCases, periodsOf, quarterData } from './support-store.js';

/** One support case as the caller may see it, with its disengagement flag; the read is audited. */
export async function loadSupportCase(ctx: AppContext, caller: Caller, id: string, purpose = 'victim-support') {
  const c = await visibleSupportCase(ctx, caller.principal, id);
  const [detail, referral, victim, settings] = await Promise.all([
    caseDetail(ctx.db, c.id),
    getReferral(ctx.db, c.referral_id),
    tables(ctx.db).selectFrom('referral_victims').selectAll().where('referral_id', '=', c.referral_id).executeTakeFirst(),
    disengagementSettings(ctx.db),
  ]);
  await ctx.audit.record(caller.actor, { action: 'referrals.support.read', entityKind: 'support_case', entityId: c.id, purpose });
  const today = todayInUk();
  const flag = c.closed_on
    ? null
    : disengagement(
        detail.contacts.map((x) => ({ on: x.contact_on, outcome: x.outcome })),
        c.opened_on,
        today,
        settings,
      );
  return {
    c,
    referral: referral!,
    victim: victim ? redact(caller.principal, supportMeta(c), victim) : null,
    ...detail,
    currentProvider: detail.providers.find((p) => p.to_on === null)?.provider ?? null,
    flag,
    settings,
  };
}
export type SupportCaseDetail = Awaited<ReturnType<typeof loadSupportCase>>;

/** Support cases the caller may see, each with its current flag (names never listed: open the case to see them). */
export async function listCasesWithFlags(ctx: AppContext, caller: Caller, opts: { open?: boolean; flaggedOnly?: boolean; limit?: number; offset?: number }) {
  const settings = await disengagementSettings(ctx.db);
  const { rows, total } = await listSupportCases(ctx.db, caller.principal.agencyCode, { open: opts.open, limit: opts.flaggedOnly ? 5000 : opts.limit, offset: opts.flaggedOnly ? 0 : opts.offset });
  const contacts = await contactsFor(
    ctx.db,
    rows.map((r) => r.id),
  );
  const today = todayInUk();
  let out = rows.map((r) => ({ ...r, flag: r.closed_on ? null : disengagement(contacts.get(r.id) ?? [], r.opened_on, today, settings) }));
  if (opts.flaggedOnly) out = out.filter((r) => r.flag?.flagged).slice(opts.offset ?? 0, (opts.offset ?? 0) + (opts.limit ?? 50));
  return { rows: out, total: opts.flaggedOnly ? out.length : total, settings };
}

/** The quarterly report per provider (aggregates only: no person is named). */
export async function supportReport(ctx: AppContext, quarter?: string) {
  const q = quarter ?? quarterOf(todayInUk());
  const range = quarterRange(q);
  if (!range) return null;
  const settings = await disengagementSettings(ctx.db);
  const data = await quarterData(ctx.db, range.from, range.to);
  const end = range.to < todayInUk() ? range.to : todayInUk();
  const contacts = await contactsUpTo(
    ctx.db,
    data.openCases.map((c) => c.id),
    end,
  );
  const disengaged = new Set(
    data.openCases.filter((c) => disengagement(contacts.get(c.id) ?? [], c.opened_on, end, settings).flagged).map((c) => c.id),
  );
  const rows = quarterlyReport(
    range,
    periodsOf(data.periods),
    data.contacts.map((c) => ({ caseId: c.case_id, provider: c.provider, on: c.contact_on, outcome: c.outcome })),
    disengaged,
  ).map((r) => ({ ...r, providerName: agencyName(r.provider) }));
  return { quarter: q, range, rows, settings };
}
