/**
 * A person's education, Dutch level per skill and work experience, and the begeleider's text for the portfolio.
 * The three lists hang under one versioned head per person (doorgroei_profiles, which holds the text): a save
 * checks and bumps the head's version and replaces the lists as a whole, so two desks editing the same person
 * cannot interleave their lists.
 */

import type { z } from 'zod';
import type { Saved } from '../../../shared/contract.ts';
import type {
  DoorgroeiView,
  DutchLevel,
  DutchSkill,
  doorgroeiSaveInput,
  EducationEntry,
  WorkEntry,
} from '../../../shared/doorgroei.ts';
import { dutchSkills } from '../../../shared/doorgroei.ts';
import { labelForPath } from '../../../shared/field-labels.ts';
import { diff, type Reader, type WriteCtx } from '../context.ts';
import { Failure } from '../failure.ts';
import { updateVersioned } from '../versioning.ts';
import { listOutflows } from './outflow.ts';

type SaveInput = z.output<typeof doorgroeiSaveInput>;

export async function loadDoorgroei(db: Reader, personId: string): Promise<DoorgroeiView> {
  const head = await db
    .selectFrom('doorgroei_profiles')
    .select(['version', 'portfolio_tekst'])
    .where('person_id', '=', personId)
    .executeTakeFirst();
  const education = await db
    .selectFrom('doorgroei_education')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('position')
    .execute();
  const levels = await db
    .selectFrom('doorgroei_dutch_levels')
    .selectAll()
    .where('person_id', '=', personId)
    .execute();
  const work = await db
    .selectFrom('doorgroei_work')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('position')
    .execute();
  const skillOrder = (skill: string) => dutchSkills.indexOf(skill as DutchSkill);
  return {
    personId,
    version: head?.version ?? null,
    opleidingen: education.map(
      (e): EducationEntry => ({
        land: e.land as EducationEntry['land'],
        niveau: e.niveau as EducationEntry['niveau'],
        richting: e.richting,
        diploma: e.diploma === 1,
        idw: e.idw as EducationEntry['idw'],
      }),
    ),
    nederlands: levels
      .sort((a, b) => skillOrder(a.vaardigheid) - skillOrder(b.vaardigheid))
      .map(
        (l): DutchLevel => ({
          vaardigheid: l.vaardigheid as DutchSkill,
          niveau: l.niveau as DutchLevel['niveau'],
          examen: l.examen as DutchLevel['examen'],
          examenDatum: l.examen_datum,
        }),
      ),
    werkervaring: work.map(
      (w): WorkEntry => ({ functie: w.functie, sector: w.sector, land: w.land, van: w.van, tot: w.tot }),
    ),
    portfolioTekst: head?.portfolio_tekst ?? null,
    uitstroom: await listOutflows(db, personId),
  };
}

/**
 * What the audit log keeps of a save: how many entries each list holds, the Dutch levels and whether there is a
 * portfolio text, never the text of an entry (the log is also read by a beheerder who is administrateur and does
 * not see doorgroei).
 */
function snapshot(
  view: Pick<DoorgroeiView, 'opleidingen' | 'nederlands' | 'werkervaring' | 'portfolioTekst'>,
) {
  return {
    opleidingen: view.opleidingen.length,
    nederlands: view.nederlands.map((l) => `${l.vaardigheid} ${l.niveau}`).join(', ') || null,
    werkervaring: view.werkervaring.length,
    portfolioTekst: view.portfolioTekst ? 'ingevuld' : null,
  };
}

/** 'Werkervaring (regel 2): Van: ligt in de toekomst', shown at that row's field. */
function inFuture(path: [string, number, string]): Failure {
  const message = 'ligt in de toekomst';
  return new Failure('invalid_input', `${labelForPath(path)}: ${message}`, path.join('.'), message);
}

/** What the schema cannot know: an exam taken or a job started after today. */
function checkDates(input: SaveInput, today: string): void {
  input.nederlands.forEach((l, i) => {
    if (l.examenDatum && l.examenDatum > today) throw inFuture(['nederlands', i, 'examenDatum']);
  });
  input.werkervaring.forEach((w, i) => {
    if (w.van > today) throw inFuture(['werkervaring', i, 'van']);
  });
}

export async function saveDoorgroei(ctx: WriteCtx, input: SaveInput, personName: string): Promise<Saved> {
  checkDates(input, ctx.today);
  const before = await loadDoorgroei(ctx.db, input.personId);
  const head = await ctx.db
    .selectFrom('doorgroei_profiles')
    .select(['id', 'version'])
    .where('person_id', '=', input.personId)
    .executeTakeFirst();
  const audit = {
    recordType: 'doorgroei',
    summary: `Opleiding en werkervaring bijgewerkt: ${personName}`,
    changes: diff(before.version === null ? null : snapshot(before), snapshot(input)),
  };
  let saved: Saved;
  if (!head) {
    if (input.version !== null)
      throw new Failure('conflict', 'Deze gegevens bestaan niet (meer). Laad de pagina opnieuw.');
    const id = ctx.newId();
    await ctx.db
      .insertInto('doorgroei_profiles')
      .values({
        id,
        person_id: input.personId,
        portfolio_tekst: input.portfolioTekst,
        created_at: ctx.now,
        updated_at: ctx.now,
        version: 1,
      })
      .execute();
    ctx.audit({ ...audit, recordId: id, recordVersion: 1 });
    saved = { id, version: 1 };
  } else {
    if (input.version === null) {
      throw new Failure(
        'conflict',
        'Er is intussen al opleiding of werkervaring voor deze persoon vastgelegd. Laad de pagina opnieuw.',
      );
    }
    saved = await updateVersioned(
      ctx,
      'doorgroei_profiles',
      { id: head.id, version: input.version },
      { portfolio_tekst: input.portfolioTekst, updated_at: ctx.now },
      audit,
    );
  }
  await replaceLists(ctx, input);
  return saved;
}

async function replaceLists(ctx: WriteCtx, input: SaveInput): Promise<void> {
  const personId = input.personId;
  for (const table of ['doorgroei_education', 'doorgroei_dutch_levels', 'doorgroei_work'] as const)
    await ctx.db.deleteFrom(table).where('person_id', '=', personId).execute();
  const row = { person_id: personId, version: 1 };
  if (input.opleidingen.length > 0) {
    await ctx.db
      .insertInto('doorgroei_education')
      .values(
        input.opleidingen.map((e, position) => ({
          ...row,
          id: ctx.newId(),
          position,
          land: e.land,
          niveau: e.niveau,
          richting: e.richting,
          diploma: e.diploma ? 1 : 0,
          idw: e.idw,
        })),
      )
      .execute();
  }
  if (input.nederlands.length > 0) {
    await ctx.db
      .insertInto('doorgroei_dutch_levels')
      .values(
        input.nederlands.map((l) => ({
          ...row,
          id: ctx.newId(),
          vaardigheid: l.vaardigheid,
          niveau: l.niveau,
          examen: l.examen,
          examen_datum: l.examenDatum,
        })),
      )
      .execute();
  }
  if (input.werkervaring.length > 0) {
    await ctx.db
      .insertInto('doorgroei_work')
      .values(
        input.werkervaring.map((w, position) => ({
          ...row,
          id: ctx.newId(),
          position,
          functie: w.functie,
          sector: w.sector,
          land: w.land,
          van: w.van,
          tot: w.tot,
        })),
      )
      .execute();
  }
}
