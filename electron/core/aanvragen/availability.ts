/**
 * A person's availability: the weekly pattern of dagdelen, own transport, the other gemeenten they will go to, and
 * absences. One pattern row per person (created on the first save, versioned after); absences are added and
 * removed (a removed absence is deleted: it was a plan, and the audit log keeps that it was there).
 */
import type { Availability } from '../../../shared/aanvragen.ts';
import { formatDate } from '../../../shared/format.ts';
import { dagdelen } from '../../../shared/work-vocabulary.ts';
import { diff, type WriteCtx } from '../context.ts';
import { Failure, invalidField, notFound } from '../failure.ts';
import { loadPerson, refuseIfAnonymised } from '../persons/read.ts';
import type { AreaHandlers } from '../registry.ts';
import { deleteVersioned, updateVersioned } from '../versioning.ts';
import { availabilityOf, parseGemeenten } from './read.ts';

async function requirePerson(ctx: WriteCtx, personId: string) {
  const person = await loadPerson(ctx.db, personId).catch(() => {
    throw invalidField('personId', 'deze sleutelpersoon bestaat niet (meer)');
  });
  refuseIfAnonymised(person);
  return person;
}

/** Dagdelen in the week's order, whatever order they were ticked in. */
const inWeekOrder = (list: readonly string[]) => dagdelen.filter((d) => list.includes(d));

const period = (a: { van: string; tot: string }) =>
  a.van === a.tot ? formatDate(a.van) : `${formatDate(a.van)} t/m ${formatDate(a.tot)}`;

export const availabilityHandlers = {
  'aanvragen.availability': async (ctx, input) => {
    await loadPerson(ctx.db, input.personId);
    return (await availabilityOf(ctx.db, [input.personId])).get(input.personId) as Availability;
  },

  'aanvragen.saveAvailability': async (ctx, input) => {
    const person = await requirePerson(ctx, input.personId);
    const values = {
      dagdelen: inWeekOrder(input.dagdelen).join(' '),
      eigen_vervoer: input.eigenVervoer ? 1 : 0,
      ook_gemeenten: input.ookGemeenten.length > 0 ? input.ookGemeenten.join('|') : null,
      toelichting: input.toelichting,
      updated_at: ctx.now,
    };
    const shown = (v: typeof values) => ({
      dagdelen: v.dagdelen,
      eigenVervoer: v.eigen_vervoer === 1,
      ookGemeenten: parseGemeenten(v.ook_gemeenten).join(', '),
      toelichting: v.toelichting,
    });
    const row = await ctx.db
      .selectFrom('person_availability')
      .selectAll()
      .where('person_id', '=', person.id)
      .executeTakeFirst();
    const summary = `Beschikbaarheid vastgelegd: ${person.naam}`;
    if (row) {
      if (input.version === null)
        throw new Failure(
          'conflict',
          'De beschikbaarheid is intussen door iemand anders vastgelegd. Laad het scherm opnieuw.',
        );
      return updateVersioned(ctx, 'person_availability', { id: row.id, version: input.version }, values, {
        recordType: 'beschikbaarheid',
        summary,
        changes: diff(shown(row), shown(values)),
      });
    }
    const id = ctx.newId();
    await ctx.db
      .insertInto('person_availability')
      .values({ id, person_id: person.id, ...values, version: 1 })
      .execute();
    ctx.audit({
      recordType: 'beschikbaarheid',
      recordId: id,
      recordVersion: 1,
      summary,
      changes: diff(null, shown(values)),
    });
    return { id, version: 1 };
  },

  'aanvragen.addAbsence': async (ctx, input) => {
    const person = await requirePerson(ctx, input.personId);
    const id = ctx.newId();
    await ctx.db
      .insertInto('person_absences')
      .values({
        id,
        person_id: person.id,
        van: input.van,
        tot: input.tot,
        reden: input.reden,
        created_at: ctx.now,
        version: 1,
      })
      .execute();
    ctx.audit({
      recordType: 'afwezigheid',
      recordId: id,
      recordVersion: 1,
      summary: `Afwezigheid vastgelegd: ${person.naam}, ${period(input)}`,
      changes: diff(null, { van: input.van, tot: input.tot, reden: input.reden }),
    });
    return { id, version: 1 };
  },

  'aanvragen.removeAbsence': async (ctx, input) => {
    const row = await ctx.db
      .selectFrom('person_absences')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!row) throw notFound('Deze afwezigheid');
    const person = await requirePerson(ctx, row.person_id);
    await deleteVersioned(ctx, 'person_absences', { id: row.id, version: input.version });
    ctx.audit({
      recordType: 'afwezigheid',
      recordId: row.id,
      recordVersion: null,
      summary: `Afwezigheid verwijderd: ${person.naam}, ${period(row)}`,
      changes: diff({ van: row.van, tot: row.tot, reden: row.reden }, { van: null, tot: null, reden: null }),
    });
    return { id: row.id, version: row.version };
  },
} satisfies AreaHandlers<'aanvragen'>;
