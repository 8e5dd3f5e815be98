/**
 * Group trainings: a session of a training from the aanbod on a date and place, with who is invited. Each invitee
 * gets a planned training on their own record; recording the attendance once for all completes it for those
 * present (dated on the session, expiry computed) in the same transaction, and leaves it planned for the others.
 */

import { formatDate } from '../../../shared/format.ts';
import { fullName } from '../../../shared/persons.ts';
import type { SessionStatus, TrainingSession } from '../../../shared/scholing.ts';
import { diff, type Reader, type WriteCtx } from '../context.ts';
import { Failure, invalidField, notFound } from '../failure.ts';
import type { AreaHandlers } from '../registry.ts';
import { updateVersioned, updateVersionedMany } from '../versioning.ts';
import { expiryFor, insertPersonTraining } from './person-trainings.ts';

async function loadSession(db: Reader, id: string) {
  const row = await db.selectFrom('training_sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Deze groepstraining');
  return row;
}

function refuseUnlessPlanned(session: { status: string }) {
  if (session.status !== 'gepland')
    throw new Failure('conflict', 'Deze groepstraining is al gegeven of geannuleerd en verandert niet meer.');
}

async function loadTraining(db: Reader, id: string) {
  const row = await db.selectFrom('trainings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw invalidField('trainingId', 'deze training bestaat niet (meer)');
  return row;
}

/** The planned records this session made (or took over), still planned. */
function plannedRecords(db: Reader, sessionId: string) {
  return db
    .selectFrom('person_trainings')
    .select(['id', 'version', 'person_id'])
    .where('session_id', '=', sessionId)
    .where('status', '=', 'gepland')
    .execute();
}

/** Invites people: their own planned record of this training is linked to the session, or a new one is made. */
async function invite(
  ctx: WriteCtx,
  session: { id: string; datum: string; training_id: string },
  personIds: readonly string[],
) {
  for (const personId of personIds) {
    await ctx.db
      .insertInto('training_session_attendees')
      .values({ id: ctx.newId(), session_id: session.id, person_id: personId, aanwezig: null, version: 1 })
      .execute();
    const own = await ctx.db
      .selectFrom('person_trainings')
      .select(['id', 'version'])
      .where('person_id', '=', personId)
      .where('training_id', '=', session.training_id)
      .where('status', '=', 'gepland')
      .where('session_id', 'is', null)
      .executeTakeFirst();
    if (own) {
      await updateVersioned(
        ctx,
        'person_trainings',
        own,
        { session_id: session.id, startdatum: session.datum },
        null,
      );
      continue;
    }
    await insertPersonTraining(ctx, {
      person_id: personId,
      training_id: session.training_id,
      status: 'gepland',
      startdatum: session.datum,
      session_id: session.id,
    });
  }
}

/** Someone not (or no longer) going: their planned record stays, unlinked and undated, as still to follow. */
async function release(ctx: WriteCtx, sessionId: string, personIds: ReadonlySet<string> | null) {
  const records = (await plannedRecords(ctx.db, sessionId)).filter(
    (r) => !personIds || personIds.has(r.person_id),
  );
  await updateVersionedMany(
    ctx,
    'person_trainings',
    records,
    { session_id: null, startdatum: null, updated_at: ctx.now },
    null,
  );
}

export const sessionHandlers = {
  'scholing.sessions': async (ctx, input) => {
    let query = ctx.db
      .selectFrom('training_sessions')
      .innerJoin('trainings', 'trainings.id', 'training_sessions.training_id')
      .selectAll('training_sessions')
      .select('trainings.naam as training_naam')
      .orderBy('training_sessions.datum')
      .orderBy('training_sessions.created_at');
    if (!input.metAfgelopen) query = query.where('training_sessions.status', '=', 'gepland');
    const sessions = await query.execute();
    if (sessions.length === 0) return [];
    const attendees = await ctx.db
      .selectFrom('training_session_attendees')
      .innerJoin('persons', 'persons.id', 'training_session_attendees.person_id')
      .select([
        'training_session_attendees.session_id',
        'training_session_attendees.person_id',
        'training_session_attendees.aanwezig',
        'persons.voornaam',
        'persons.tussenvoegsel',
        'persons.achternaam',
        'persons.roepnaam',
      ])
      .where(
        'training_session_attendees.session_id',
        'in',
        sessions.map((s) => s.id),
      )
      .orderBy('persons.sort_name')
      .execute();
    return sessions.map(
      (s): TrainingSession => ({
        id: s.id,
        version: s.version,
        trainingId: s.training_id,
        trainingNaam: s.training_naam,
        datum: s.datum,
        plaats: s.plaats,
        trainer: s.trainer,
        minimumDeelnemers: s.minimum_deelnemers,
        status: s.status as SessionStatus,
        deelnemers: attendees
          .filter((a) => a.session_id === s.id)
          .map((a) => ({
            personId: a.person_id,
            naam: fullName(a),
            aanwezig: a.aanwezig === null ? null : a.aanwezig === 1,
          })),
      }),
    );
  },

  'scholing.saveSession': async (ctx, input) => {
    const training = await loadTraining(ctx.db, input.trainingId);
    const before = input.id ? await loadSession(ctx.db, input.id) : null;
    if (before) refuseUnlessPlanned(before);
    if (training.archived === 1 && before?.training_id !== training.id)
      throw invalidField('trainingId', 'deze training is gearchiveerd; kies een training uit het aanbod');
    const wanted = [...new Set(input.deelnemers)];
    for (const [i, personId] of wanted.entries()) {
      const person = await ctx.db
        .selectFrom('persons')
        .leftJoin('retention_removals', (join) =>
          join
            .onRef('retention_removals.person_id', '=', 'persons.id')
            .on('retention_removals.soort', '=', 'persoon'),
        )
        .select(['persons.id', 'retention_removals.id as removal'])
        .where('persons.id', '=', personId)
        .executeTakeFirst();
      if (!person || person.removal)
        throw invalidField(`deelnemers.${i}`, 'deze sleutelpersoon bestaat niet (meer)');
    }
    const values = {
      training_id: training.id,
      datum: input.datum,
      plaats: input.plaats,
      trainer: input.trainer,
      minimum_deelnemers: input.minimumDeelnemers,
      updated_at: ctx.now,
    };
    const summary = `Groepstraining ${training.naam} op ${formatDate(input.datum)}`;
    const shown = (
      v: { datum: string; plaats: string; trainer: string | null; minimum_deelnemers: number },
      n: number,
    ) => ({
      datum: v.datum,
      plaats: v.plaats,
      trainer: v.trainer,
      minimumDeelnemers: v.minimum_deelnemers,
      deelnemers: n,
    });
    if (!before) {
      const id = ctx.newId();
      await ctx.db
        .insertInto('training_sessions')
        .values({
          id,
          ...values,
          status: 'gepland',
          account_id: ctx.account?.id ?? null,
          created_at: ctx.now,
          version: 1,
        })
        .execute();
      await invite(ctx, { id, datum: input.datum, training_id: training.id }, wanted);
      ctx.audit({
        recordType: 'training_session',
        recordId: id,
        recordVersion: 1,
        summary: `${summary} gepland`,
        changes: diff(null, shown(values, wanted.length)),
      });
      return { id, version: 1 };
    }
    const current = await ctx.db
      .selectFrom('training_session_attendees')
      .select('person_id')
      .where('session_id', '=', before.id)
      .execute();
    const had = new Set(current.map((a) => a.person_id));
    const gone = new Set([...had].filter((p) => !wanted.includes(p)));
    const saved = await updateVersioned(
      ctx,
      'training_sessions',
      { id: before.id, version: input.version ?? 0 },
      values,
      {
        recordType: 'training_session',
        summary: `${summary} gewijzigd`,
        changes: diff(shown(before, had.size), shown(values, wanted.length)),
      },
    );
    await release(ctx, before.id, gone);
    if (gone.size > 0)
      await ctx.db
        .deleteFrom('training_session_attendees')
        .where('session_id', '=', before.id)
        .where('person_id', 'in', [...gone])
        .execute();
    // Those who stay follow the session to its new date and training.
    await updateVersionedMany(
      ctx,
      'person_trainings',
      await plannedRecords(ctx.db, before.id),
      {
        training_id: training.id,
        startdatum: input.datum,
        updated_at: ctx.now,
      },
      null,
    );
    await invite(
      ctx,
      { id: before.id, datum: input.datum, training_id: training.id },
      wanted.filter((p) => !had.has(p)),
    );
    return saved;
  },

  'scholing.recordAttendance': async (ctx, input) => {
    const session = await loadSession(ctx.db, input.id);
    refuseUnlessPlanned(session);
    if (session.datum > ctx.today)
      throw invalidField('aanwezig', 'de aanwezigheid leg je vast als de training geweest is');
    const training = await loadTraining(ctx.db, session.training_id);
    const attendees = await ctx.db
      .selectFrom('training_session_attendees')
      .select(['id', 'version', 'person_id'])
      .where('session_id', '=', session.id)
      .execute();
    const present = new Set(input.aanwezig);
    input.aanwezig.forEach((personId, i) => {
      if (!attendees.some((a) => a.person_id === personId))
        throw invalidField(`aanwezig.${i}`, 'staat niet op de deelnemerslijst');
    });
    const saved = await updateVersioned(
      ctx,
      'training_sessions',
      input,
      { status: 'gegeven', updated_at: ctx.now },
      {
        recordType: 'training_session',
        summary: `Aanwezigheid ${training.naam} op ${formatDate(session.datum)}: ${present.size} van ${attendees.length}`,
        changes: diff(null, { aanwezig: present.size }),
      },
    );
    await updateVersionedMany(
      ctx,
      'training_session_attendees',
      attendees.filter((a) => present.has(a.person_id)),
      { aanwezig: 1 },
      null,
    );
    await updateVersionedMany(
      ctx,
      'training_session_attendees',
      attendees.filter((a) => !present.has(a.person_id)),
      { aanwezig: 0 },
      null,
    );

    // Records linked to the session that someone set to bezig by hand complete as well.
    const linked = await ctx.db
      .selectFrom('person_trainings')
      .select(['id', 'version', 'person_id'])
      .where('session_id', '=', session.id)
      .where('status', 'in', ['gepland', 'bezig'])
      .execute();
    const completed = linked.filter((r) => present.has(r.person_id));
    const minuten = training.duur_eenheid === 'uren' ? training.duur * 60 : null;
    const verloopdatum = expiryFor('afgerond', session.datum, null, training);
    await updateVersionedMany(
      ctx,
      'person_trainings',
      completed,
      {
        status: 'afgerond',
        startdatum: session.datum,
        einddatum: session.datum,
        minuten,
        verloopdatum,
        updated_at: ctx.now,
      },
      () => ({
        recordType: 'person_training',
        summary: `Training ${training.naam} afgerond (groepstraining op ${formatDate(session.datum)})`,
        changes: diff({ status: 'Gepland' }, { status: 'Afgerond', einddatum: session.datum }),
      }),
    );
    // Someone present without a linked record (it was removed meanwhile) gets one, completed.
    const covered = new Set(completed.map((r) => r.person_id));
    for (const personId of [...present].filter((p) => !covered.has(p))) {
      await insertPersonTraining(ctx, {
        person_id: personId,
        training_id: training.id,
        status: 'afgerond',
        startdatum: session.datum,
        einddatum: session.datum,
        minuten,
        verloopdatum,
        session_id: session.id,
      });
    }
    await release(ctx, session.id, new Set(attendees.map((a) => a.person_id).filter((p) => !present.has(p))));
    return saved;
  },

  'scholing.cancelSession': async (ctx, input) => {
    const session = await loadSession(ctx.db, input.id);
    refuseUnlessPlanned(session);
    const training = await loadTraining(ctx.db, session.training_id);
    const saved = await updateVersioned(
      ctx,
      'training_sessions',
      input,
      { status: 'geannuleerd', updated_at: ctx.now },
      {
        recordType: 'training_session',
        summary: `Groepstraining ${training.naam} op ${formatDate(session.datum)} geannuleerd`,
        changes: diff({ status: 'gepland' }, { status: 'geannuleerd' }),
      },
    );
    await release(ctx, session.id, null);
    return saved;
  },
} satisfies AreaHandlers<'scholing'>;
