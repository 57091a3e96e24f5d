import { hashPassword } from '../auth/passwords.js';
import type { AppContext } from '../context.js';
import { DEMO_PASSWORD, type DemoGenerator } from './demo.js';
import { DEMO_AGREEMENTS, DEMO_USERS } from './demo-users.js';

/** Demo accounts across agencies and roles, and the data-sharing agreements between the demo agencies. */
export const kernelDemo: DemoGenerator = {
  name: 'users and agreements',
  order: 0,
  async run(ctx, opts) {
    const hash = await hashPassword(DEMO_PASSWORD);
    const agencies = new Map(
      (await ctx.db.selectFrom('agencies').select(['id', 'code']).execute()).map((a) => [a.code, a.id]),
    );
    await ctx.db.transaction().execute(async (trx) => {
      for (const [i, u] of DEMO_USERS.entries()) {
        const agencyId = agencies.get(u.agency);
        if (!agencyId) throw new Error(`Demo user ${u.email} names unknown agency ${u.agency}.`);
        await trx
          .insertInto('users')
          .values({ email: u.email, name: u.name, agency_id: agencyId, roles: u.roles, password_hash: hash, demo: true, oidc_subject: null, locked_until: null })
          .onConflict((oc) => oc.column('email').doNothing())
          .execute();
        opts.progress(i + 1, DEMO_USERS.length);
      }
      for (const a of DEMO_AGREEMENTS) {
        const exists = await trx.selectFrom('sharing_agreements').select('id').where('name', '=', a.name).executeTakeFirst();
        if (!exists) await trx.insertInto('sharing_agreements').values(a).execute();
      }
      await ctx.audit.append(trx, { userId: null, agencyCode: null, roles: 'system', ip: null }, [
        { action: 'demo.users.created', detail: { users: DEMO_USERS.length } },
      ]);
    });
    await ctx.agreements.refresh();
  },
};

export { ensureNoDemoUsersInProduction } from './demo-users.js';
