/**
 * The trainingsaanbod: a catalogue the organisation keeps, archived and never deleted (people's trainings point at
 * it), and what a training claim reads of a person's trainings.
 */
import {
  type DurationUnit,
  type Provider,
  providerName,
  type Training,
  type TrainingKind,
} from '../../../shared/scholing.ts';
import { diff } from '../context.ts';
import { notFound } from '../failure.ts';
import { loadPerson } from '../persons/read.ts';
import type { AreaHandlers } from '../registry.ts';
import type { TrainingsTable } from '../store/schema.ts';
import { updateVersioned } from '../versioning.ts';
import { trainingsForClaim } from './read.ts';

function toTraining(r: TrainingsTable): Training {
  return {
    id: r.id,
    version: r.version,
    naam: r.naam,
    aanbieder: r.aanbieder as Provider,
    aanbiederAnders: r.aanbieder_anders,
    soort: r.soort as TrainingKind,
    duurEenheid: r.duur_eenheid as DurationUnit,
    duur: r.duur,
    certificaat: r.certificaat === 1,
    geldigheidMaanden: r.geldigheid_maanden,
    kostenCents: r.kosten_cents,
    gearchiveerd: r.archived === 1,
  };
}

export const scholingHandlers = {
  'scholing.catalogue': async (ctx, input) => {
    let query = ctx.db.selectFrom('trainings').selectAll().orderBy('archived').orderBy('naam');
    if (!input.metGearchiveerd) query = query.where('archived', '=', 0);
    return (await query.execute()).map(toTraining);
  },

  'scholing.saveTraining': async (ctx, input) => {
    const values = {
      naam: input.naam,
      aanbieder: input.aanbieder,
      aanbieder_anders: input.aanbieder === 'anders' ? input.aanbiederAnders : null,
      soort: input.soort,
      duur_eenheid: input.duurEenheid,
      duur: input.duur,
      certificaat: input.certificaat ? 1 : 0,
      geldigheid_maanden: input.certificaat ? input.geldigheidMaanden : null,
      kosten_cents: input.kostenCents,
      updated_at: ctx.now,
    };
    const shown = (
      v: Pick<
        TrainingsTable,
        | 'naam'
        | 'aanbieder'
        | 'aanbieder_anders'
        | 'soort'
        | 'duur'
        | 'certificaat'
        | 'geldigheid_maanden'
        | 'kosten_cents'
      >,
    ) => ({
      naam: v.naam,
      aanbieder: providerName({ aanbieder: v.aanbieder, aanbiederAnders: v.aanbieder_anders }),
      soort: v.soort,
      duur: v.duur,
      certificaat: v.certificaat === 1,
      geldigheidMaanden: v.geldigheid_maanden,
      kostenCents: v.kosten_cents,
    });
    if (input.id) {
      const row = await ctx.db
        .selectFrom('trainings')
        .selectAll()
        .where('id', '=', input.id)
        .executeTakeFirst();
      if (!row) throw notFound('Deze training');
      return updateVersioned(ctx, 'trainings', { id: row.id, version: input.version ?? 0 }, values, {
        recordType: 'training',
        summary: `Training gewijzigd: ${input.naam}`,
        changes: diff(shown(row), shown(values)),
      });
    }
    const id = ctx.newId();
    await ctx.db
      .insertInto('trainings')
      .values({ id, ...values, archived: 0, created_at: ctx.now, version: 1 })
      .execute();
    ctx.audit({
      recordType: 'training',
      recordId: id,
      recordVersion: 1,
      summary: `Training toegevoegd aan het aanbod: ${input.naam}`,
      changes: diff(null, shown(values)),
    });
    return { id, version: 1 };
  },

  'scholing.archiveTraining': async (ctx, input) => {
    const row = await ctx.db
      .selectFrom('trainings')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!row) throw notFound('Deze training');
    return updateVersioned(
      ctx,
      'trainings',
      input,
      { archived: input.gearchiveerd ? 1 : 0, updated_at: ctx.now },
      {
        recordType: 'training',
        summary: `Training ${input.gearchiveerd ? 'gearchiveerd' : 'weer in het aanbod'}: ${row.naam}`,
        changes: diff({ gearchiveerd: row.archived === 1 }, { gearchiveerd: input.gearchiveerd }),
      },
    );
  },

  'scholing.forClaim': async (ctx, input) => {
    await loadPerson(ctx.db, input.personId);
    return trainingsForClaim(ctx.db, input.personId);
  },
} satisfies AreaHandlers<'scholing'>;
