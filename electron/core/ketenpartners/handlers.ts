/**
 * Ketenpartners and projects: two small registers that aanvragen, inzet and claims point at. Both are archived,
 * never deleted, so a report over a past year still names them.
 */
import type { Partner, Project } from '../../../shared/ketenpartners.ts';
import type { PartnerKind } from '../../../shared/work-vocabulary.ts';
import { diff } from '../context.ts';
import { notFound } from '../failure.ts';
import type { AreaHandlers } from '../registry.ts';
import type { PartnersTable, ProjectsTable } from '../store/schema.ts';
import { updateVersioned } from '../versioning.ts';

function toPartner(r: PartnersTable): Partner {
  return {
    id: r.id,
    version: r.version,
    naam: r.naam,
    soort: r.soort as PartnerKind,
    contactpersoon: r.contactpersoon,
    telefoon: r.telefoon,
    email: r.email,
    gemeente: r.gemeente,
    gearchiveerd: r.archived === 1,
  };
}

function toProject(r: ProjectsTable): Project {
  return {
    id: r.id,
    version: r.version,
    naam: r.naam,
    partnerId: r.partner_id,
    gemeente: r.gemeente,
    startdatum: r.startdatum,
    einddatum: r.einddatum,
    budgetCents: r.budget_cents,
    gearchiveerd: r.archived === 1,
  };
}

const archivedWord = (archived: boolean) => (archived ? 'gearchiveerd' : 'weer in gebruik');

export const ketenpartnersHandlers = {
  'ketenpartners.list': async (ctx, input) => {
    let query = ctx.db.selectFrom('partners').selectAll().orderBy('archived').orderBy('naam');
    if (!input.metGearchiveerd) query = query.where('archived', '=', 0);
    return (await query.execute()).map(toPartner);
  },

  'ketenpartners.save': async (ctx, input) => {
    const values = {
      naam: input.naam,
      soort: input.soort as string,
      contactpersoon: input.contactpersoon,
      telefoon: input.telefoon,
      email: input.email,
      gemeente: input.gemeente,
      updated_at: ctx.now,
    };
    const shown = ({ updated_at: _, ...v }: typeof values) => v;
    if (input.id) {
      const row = await ctx.db
        .selectFrom('partners')
        .selectAll()
        .where('id', '=', input.id)
        .executeTakeFirst();
      if (!row) throw notFound('Deze ketenpartner');
      return updateVersioned(ctx, 'partners', { id: row.id, version: input.version ?? 0 }, values, {
        recordType: 'ketenpartner',
        summary: `Ketenpartner gewijzigd: ${input.naam}`,
        changes: diff(shown({ ...row }), shown(values)),
      });
    }
    const id = ctx.newId();
    await ctx.db
      .insertInto('partners')
      .values({ id, ...values, archived: 0, created_at: ctx.now, version: 1 })
      .execute();
    ctx.audit({
      recordType: 'ketenpartner',
      recordId: id,
      recordVersion: 1,
      summary: `Ketenpartner toegevoegd: ${input.naam}`,
      changes: diff(null, shown(values)),
    });
    return { id, version: 1 };
  },

  'ketenpartners.archive': async (ctx, input) => {
    const row = await ctx.db.selectFrom('partners').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!row) throw notFound('Deze ketenpartner');
    return updateVersioned(
      ctx,
      'partners',
      input,
      { archived: input.gearchiveerd ? 1 : 0, updated_at: ctx.now },
      {
        recordType: 'ketenpartner',
        summary: `Ketenpartner ${archivedWord(input.gearchiveerd)}: ${row.naam}`,
        changes: diff({ gearchiveerd: row.archived === 1 }, { gearchiveerd: input.gearchiveerd }),
      },
    );
  },

  'ketenpartners.projects': async (ctx, input) => {
    let query = ctx.db.selectFrom('projects').selectAll().orderBy('archived').orderBy('startdatum', 'desc');
    if (!input.metGearchiveerd) query = query.where('archived', '=', 0);
    return (await query.orderBy('naam').execute()).map(toProject);
  },

  'ketenpartners.saveProject': async (ctx, input) => {
    if (input.partnerId) {
      const partner = await ctx.db
        .selectFrom('partners')
        .select('id')
        .where('id', '=', input.partnerId)
        .executeTakeFirst();
      if (!partner) throw notFound('De gekozen financier');
    }
    const values = {
      naam: input.naam,
      partner_id: input.partnerId,
      gemeente: input.gemeente,
      startdatum: input.startdatum,
      einddatum: input.einddatum,
      budget_cents: input.budgetCents,
      updated_at: ctx.now,
    };
    const shown = ({ updated_at: _, ...v }: typeof values) => v;
    if (input.id) {
      const row = await ctx.db
        .selectFrom('projects')
        .selectAll()
        .where('id', '=', input.id)
        .executeTakeFirst();
      if (!row) throw notFound('Dit project');
      return updateVersioned(ctx, 'projects', { id: row.id, version: input.version ?? 0 }, values, {
        recordType: 'project',
        summary: `Project gewijzigd: ${input.naam}`,
        changes: diff(shown({ ...row }), shown(values)),
      });
    }
    const id = ctx.newId();
    await ctx.db
      .insertInto('projects')
      .values({ id, ...values, archived: 0, created_at: ctx.now, version: 1 })
      .execute();
    ctx.audit({
      recordType: 'project',
      recordId: id,
      recordVersion: 1,
      summary: `Project toegevoegd: ${input.naam}`,
      changes: diff(null, shown(values)),
    });
    return { id, version: 1 };
  },

  'ketenpartners.archiveProject': async (ctx, input) => {
    const row = await ctx.db.selectFrom('projects').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!row) throw notFound('Dit project');
    return updateVersioned(
      ctx,
      'projects',
      input,
      { archived: input.gearchiveerd ? 1 : 0, updated_at: ctx.now },
      {
        recordType: 'project',
        summary: `Project ${archivedWord(input.gearchiveerd)}: ${row.naam}`,
        changes: diff({ gearchiveerd: row.archived === 1 }, { gearchiveerd: input.gearchiveerd }),
      },
    );
  },
} satisfies AreaHandlers<'ketenpartners'>;
