import { logKindLabels } from '../../../shared/begeleiding/inputs.ts';
import { formatDate } from '../../../shared/format.ts';
import { fullName } from '../../../shared/persons.ts';
import { foldForSearch } from '../../../shared/search.ts';
import { diff, type WriteCtx } from '../context.ts';
import { Failure, invalidField, notFound } from '../failure.ts';
import { renderPdf } from '../pdf/render-document.ts';
import { loadPerson, refuseIfAnonymised } from '../persons/read.ts';
import type { AreaHandlers } from '../registry.ts';
import { loadSettings } from '../settings/read.ts';
import { assertCurrent, updateVersioned } from '../versioning.ts';
import { requireActiveGuide } from './active-guide.ts';
import { caseload } from './caseload.ts';
import { listEntries, maySee } from './log.ts';
import { loadPop, popDocument } from './pop.ts';

async function requirePerson(ctx: WriteCtx, personId: string) {
  const person = await loadPerson(ctx.db, personId).catch(() => {
    throw invalidField('personId', 'deze sleutelpersoon bestaat niet (meer)');
  });
  refuseIfAnonymised(person);
  return person;
}

export const begeleidingHandlers = {
  'begeleiding.pop': (ctx, input) => loadPop(ctx.db, input.personId, input.versie),

  'begeleiding.savePop': async (ctx, input) => {
    const person = await requirePerson(ctx, input.personId);
    const existing = await ctx.db
      .selectFrom('pops')
      .selectAll()
      .where('person_id', '=', input.personId)
      .executeTakeFirst();
    if (existing && input.version === null) {
      throw new Failure(
        'conflict',
        'Er is intussen al een POP voor deze persoon gemaakt. Laad de pagina opnieuw.',
      );
    }
    const versionId = ctx.newId();
    let id: string;
    let versie = 1;
    let version = 1;
    let before: string | null = null;
    if (existing && input.version !== null) {
      await assertCurrent(ctx.db, 'pops', { id: existing.id, version: input.version });
      const last = await ctx.db
        .selectFrom('pop_versions')
        .select(['versie', 'content'])
        .where('pop_id', '=', existing.id)
        .orderBy('versie', 'desc')
        .executeTakeFirstOrThrow();
      id = existing.id;
      versie = last.versie + 1;
      before = last.content;
      // One audit entry for a new or a changed plan, written below.
      ({ version } = await updateVersioned(
        ctx,
        'pops',
        { id, version: input.version },
        { current_version_id: versionId, updated_at: ctx.now },
        null,
      ));
    } else {
      id = ctx.newId();
      await ctx.db
        .insertInto('pops')
        .values({
          id,
          person_id: input.personId,
          current_version_id: versionId,
          created_at: ctx.now,
          updated_at: ctx.now,
          version,
        })
        .execute();
    }
    await ctx.db
      .insertInto('pop_versions')
      .values({
        id: versionId,
        pop_id: id,
        versie,
        content: JSON.stringify(input.content),
        account_id: ctx.account?.id ?? null,
        created_at: ctx.now,
        version: 1,
      })
      .execute();
    // The audit log records that the plan changed and its shape, not the personal text of goals and ambitions.
    ctx.audit({
      recordType: 'pop',
      recordId: id,
      recordVersion: version,
      summary: `POP versie ${versie}: ${person.naam}`,
      changes: diff(
        before ? { leerdoelen: (JSON.parse(before) as { doelen: unknown[] }).doelen.length } : null,
        { leerdoelen: input.content.doelen.length },
      ),
    });
    return { id, version };
  },

  'begeleiding.popPdf': async (ctx, input) => {
    const pop = await loadPop(ctx.db, input.personId, input.versie);
    if (!pop) throw notFound('Het POP van deze persoon');
    const person = await loadPerson(ctx.db, input.personId);
    const pdf = await renderPdf(popDocument(pop, await loadSettings(ctx.db), person.begeleiderNaam), {
      creationDate: new Date(ctx.now),
    });
    const name = foldForSearch(fullName({ ...person, roepnaam: null })).replace(/[^a-z0-9]+/g, '-');
    return { fileName: `pop-${name}-v${pop.versie}.pdf`, base64: pdf.toString('base64') };
  },

  'begeleiding.log': (ctx, input) => listEntries(ctx.db, input.personId, ctx.account),

  'begeleiding.addLogEntry': async (ctx, input) => {
    const person = await requirePerson(ctx, input.personId);
    if (input.datum > ctx.today)
      throw invalidField('datum', 'een verslag gaat over iets dat al gebeurd is; kies vandaag of eerder');
    if (input.ownerId) await requireActiveGuide(ctx, input.ownerId, 'ownerId');
    const pop = input.doelUpdates.length > 0 ? await loadPop(ctx.db, input.personId, null) : null;
    input.doelUpdates.forEach((u, i) => {
      if (!pop?.current.doelen.some((g) => g.id === u.goalId)) {
        throw invalidField(`doelUpdates.${i}.goalId`, 'dit leerdoel staat niet in het huidige POP');
      }
    });
    const id = ctx.newId();
    await ctx.db
      .insertInto('log_entries')
      .values({
        id,
        person_id: input.personId,
        soort: input.soort,
        signaal_soort: input.signaalSoort,
        datum: input.datum,
        duur_minuten: input.duurMinuten,
        samenvatting: input.samenvatting,
        afspraken: input.afspraken,
        volgende_afspraak: input.volgendeAfspraak,
        vertrouwelijk: input.vertrouwelijk ? 1 : 0,
        author_id: ctx.account?.id ?? '',
        owner_id: input.soort === 'signaal' ? (input.ownerId ?? ctx.account?.id ?? null) : null,
        created_at: ctx.now,
        updated_at: ctx.now,
        version: 1,
      })
      .execute();
    for (const u of input.doelUpdates) {
      await ctx.db
        .insertInto('goal_progress')
        .values({
          id: ctx.newId(),
          person_id: input.personId,
          goal_id: u.goalId,
          datum: input.datum,
          status: u.status,
          notitie: u.notitie,
          entry_id: id,
          account_id: ctx.account?.id ?? null,
          created_at: ctx.now,
          version: 1,
        })
        .execute();
    }
    ctx.audit({
      recordType: 'log',
      recordId: id,
      recordVersion: 1,
      summary: `${logKindLabels[input.soort]} vastgelegd: ${person.naam}`,
      changes: diff(null, {
        soort: input.soort,
        datum: input.datum,
        vertrouwelijk: input.vertrouwelijk,
        leerdoelen: input.doelUpdates.length,
      }),
    });
    return { id, version: 1 };
  },

  'begeleiding.followUpSignal': async (ctx, input) => {
    const row = await ctx.db
      .selectFrom('log_entries')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!row) throw notFound('Dit verslag');
    if (!maySee(row, ctx.account))
      throw new Failure('forbidden', 'Geen toegang: dit verslag is vertrouwelijk.');
    if (row.soort !== 'signaal')
      throw new Failure('invalid_input', 'Alleen een signaal heeft een opvolging.');
    if (row.gesloten_op) throw new Failure('invalid_input', 'Dit signaal is al gesloten.');
    await assertCurrent(ctx.db, 'log_entries', { id: row.id, version: input.version });
    if (input.datum < row.datum) throw invalidField('datum', 'ligt vóór het signaal');
    if (input.datum > ctx.today) throw invalidField('datum', 'ligt in de toekomst');
    const opvolging = [row.opvolging, `${formatDate(input.datum)}: ${input.opvolging}`]
      .filter(Boolean)
      .join('\n');
    return updateVersioned(
      ctx,
      'log_entries',
      { id: row.id, version: input.version },
      { opvolging, gesloten_op: input.sluiten ? input.datum : null, updated_at: ctx.now },
      {
        recordType: 'log',
        summary: input.sluiten ? 'Signaal gesloten' : 'Opvolging van signaal vastgelegd',
        changes: diff({ gesloten: false }, { gesloten: input.sluiten }),
      },
    );
  },

  'begeleiding.caseload': (ctx, input) => {
    // A begeleider sees their own caseload; a projectleider anyone's, or everyone's.
    const begeleiderId = ctx.account?.role === 'begeleider' ? ctx.account.id : (input.begeleiderId ?? null);
    return caseload(ctx.db, begeleiderId, ctx.today);
  },
} satisfies AreaHandlers<'begeleiding'>;
