/**
 * Each person's trainings: planned, bezig, afgerond or gestopt, with dates, time spent, a certificate file (typed
 * by its content, like a receipt) and its expiry, computed from the completion date and the training's validity
 * unless entered by hand.
 */
import {
  certificateExpiry,
  maxCertificateBytes,
  type PersonTraining,
  type TrainingStatus,
  trainingStatusLabels,
} from '../../../shared/scholing.ts';
import { diff, type Reader, type WriteCtx } from '../context.ts';
import { invalidField, notFound } from '../failure.ts';
import { loadPerson, refuseIfAnonymised } from '../persons/read.ts';
import type { AreaHandlers } from '../registry.ts';
import type { PersonTrainingsTable } from '../store/schema.ts';
import { storedFile } from '../stored-file.ts';
import { extensionOf, readTypedFile } from '../uploads.ts';
import { updateVersioned } from '../versioning.ts';
import { inDateOrder, personTrainingRows, toTrainingOfPerson } from './read.ts';

/** The expiry stored with a completed training: the one entered, or completion + the training's validity. */
export function expiryFor(
  status: string,
  einddatum: string | null,
  entered: string | null,
  training: { certificaat: number; geldigheid_maanden: number | null },
): string | null {
  if (status !== 'afgerond' || !einddatum) return null;
  if (entered) return entered;
  if (training.certificaat !== 1 || training.geldigheid_maanden === null) return null;
  return certificateExpiry(einddatum, training.geldigheid_maanden);
}

/** A new training record of a person; what is not given starts empty. */
export async function insertPersonTraining(
  ctx: WriteCtx,
  fields: { person_id: string; training_id: string; status: TrainingStatus } & Partial<
    Pick<
      PersonTrainingsTable,
      'startdatum' | 'einddatum' | 'minuten' | 'verloopdatum' | 'notitie' | 'session_id'
    >
  >,
): Promise<string> {
  const id = ctx.newId();
  await ctx.db
    .insertInto('person_trainings')
    .values({
      id,
      startdatum: null,
      einddatum: null,
      minuten: null,
      verloopdatum: null,
      notitie: null,
      session_id: null,
      ...fields,
      created_at: ctx.now,
      updated_at: ctx.now,
      version: 1,
    })
    .execute();
  return id;
}

async function loadRecord(db: Reader, id: string) {
  const row = await db.selectFrom('person_trainings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Deze training van de sleutelpersoon');
  return row;
}

/** A training record's audit values, in words where the log shows them. */
const shown = (r: {
  status: string;
  startdatum: string | null;
  einddatum: string | null;
  minuten: number | null;
  verloopdatum: string | null;
  notitie: string | null;
}) => ({
  status: trainingStatusLabels[r.status as TrainingStatus] ?? r.status,
  startdatum: r.startdatum,
  einddatum: r.einddatum,
  minuten: r.minuten,
  verloopdatum: r.verloopdatum,
  notitie: r.notitie,
});

export const personTrainingHandlers = {
  'scholing.listForPerson': async (ctx, input) => {
    const person = await loadPerson(ctx.db, input.personId);
    const rows = inDateOrder(await personTrainingRows(ctx.db, input.personId));
    const trainingen: PersonTraining[] = rows.map((r) => ({
      ...toTrainingOfPerson(r),
      version: r.version,
      notitie: r.notitie,
      sessionId: r.session_id,
      geeftCertificaat: r.certificaat === 1,
      geldigheidMaanden: r.geldigheid_maanden,
      certificaat:
        r.certificaat_mime === null
          ? null
          : {
              fileName: `certificaat.${extensionOf[r.certificaat_mime] ?? 'bin'}`,
              mime: r.certificaat_mime,
              size: r.certificaat_size ?? 0,
            },
    }));
    return {
      trainingen,
      toestemmingOntbreekt: person.bijstand && person.toestemmingNodig && !person.toestemmingDatum,
    };
  },

  'scholing.saveForPerson': async (ctx, input) => {
    const person = await loadPerson(ctx.db, input.personId);
    refuseIfAnonymised(person);
    const training = await ctx.db
      .selectFrom('trainings')
      .selectAll()
      .where('id', '=', input.trainingId)
      .executeTakeFirst();
    if (!training) throw invalidField('trainingId', 'deze training bestaat niet (meer)');
    const before = input.id ? await loadRecord(ctx.db, input.id) : null;
    if (before && before.person_id !== input.personId) throw notFound('Deze training van de sleutelpersoon');
    // An archived training stays on the records that have it, but is not chosen anew.
    if (training.archived === 1 && before?.training_id !== training.id)
      throw invalidField('trainingId', 'deze training is gearchiveerd; kies een training uit het aanbod');
    if (input.status === 'afgerond' && input.einddatum && input.einddatum > ctx.today)
      throw invalidField('einddatum', 'een training is afgerond op of voor vandaag');
    const values = {
      training_id: training.id,
      status: input.status,
      startdatum: input.startdatum,
      einddatum: input.einddatum,
      minuten: input.minuten,
      verloopdatum: expiryFor(input.status, input.einddatum, input.verloopdatum, training),
      notitie: input.notitie,
      updated_at: ctx.now,
    };
    const summary = `Training ${training.naam} ${trainingStatusLabels[input.status].toLowerCase()}: ${person.naam}`;
    if (before) {
      return updateVersioned(
        ctx,
        'person_trainings',
        { id: before.id, version: input.version ?? 0 },
        values,
        {
          recordType: 'person_training',
          summary,
          changes: diff(shown(before), shown(values)),
        },
      );
    }
    const { updated_at: _stamp, ...fields } = values;
    const id = await insertPersonTraining(ctx, { person_id: person.id, ...fields, status: input.status });
    ctx.audit({
      recordType: 'person_training',
      recordId: id,
      recordVersion: 1,
      summary,
      changes: diff(null, shown(values)),
    });
    return { id, version: 1 };
  },

  'scholing.setCertificate': async (ctx, input) => {
    const record = await loadRecord(ctx.db, input.id);
    const person = await loadPerson(ctx.db, record.person_id);
    refuseIfAnonymised(person);
    if (input.bestand && record.status !== 'afgerond')
      throw invalidField('bestand', 'een certificaat hoort bij een afgeronde training');
    const file = input.bestand ? readTypedFile(input.bestand.base64, 'bestand', maxCertificateBytes) : null;
    const removed = await ctx.db
      .deleteFrom('training_certificates')
      .where('person_training_id', '=', record.id)
      .executeTakeFirst();
    if (file) {
      await ctx.db
        .insertInto('training_certificates')
        .values({
          id: ctx.newId(),
          person_training_id: record.id,
          mime: file.mime,
          bytes: file.bytes,
          size: file.size,
          sha256: file.sha256,
          created_at: ctx.now,
          version: 1,
        })
        .execute();
    }
    const had = Number(removed.numDeletedRows) > 0;
    const audit = {
      recordType: 'person_training',
      summary: `Certificaat ${file ? 'opgeslagen' : 'verwijderd'}: ${person.naam}`,
      changes: diff({ certificaat: had }, { certificaat: file !== null }),
    };
    return updateVersioned(ctx, 'person_trainings', input, { updated_at: ctx.now }, audit);
  },

  'scholing.certificate': async (ctx, input) => {
    const record = await loadRecord(ctx.db, input.id);
    const file = await ctx.db
      .selectFrom('training_certificates')
      .select(['mime', 'bytes', 'sha256'])
      .where('person_training_id', '=', record.id)
      .executeTakeFirst();
    if (!file) throw notFound('Dit certificaat');
    return {
      fileName: `certificaat.${extensionOf[file.mime] ?? 'bin'}`,
      mime: file.mime,
      base64: (await storedFile(ctx, file.bytes, file.sha256)).toString('base64'),
    };
  },
} satisfies AreaHandlers<'scholing'>;
