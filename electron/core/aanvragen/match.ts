/**
 * Matching: the coordinator picks sleutelpersonen for a request (H2's proposals call aanvragen.match with the ones
 * ticked). A match ADDS the persons to those already matched: the proposals list shows candidates, not the people
 * already going, so a second pick for the same request must not drop the first. Someone is taken off one at a time
 * with aanvragen.unmatch; taking off the last one puts the request back to nieuw.
 *
 * gematcht_op is the day of the first match (the response time counts from the first answer); a request reopened
 * to nieuw and matched again gets the new day.
 */
import { maxMatchedPersons } from '../../../shared/aanvragen.ts';
import { fullName } from '../../../shared/persons.ts';
import type { RequestStatus } from '../../../shared/work-vocabulary.ts';
import { Failure, invalidField } from '../failure.ts';
import { personsWithRemoval } from '../persons/read.ts';
import type { AreaHandlers } from '../registry.ts';
import { updateVersioned } from '../versioning.ts';
import { loadRequestRow, requestTitle } from './read.ts';

const matchable: readonly RequestStatus[] = ['nieuw', 'gematcht'];

export const matchHandlers = {
  'aanvragen.match': async (ctx, input) => {
    const row = await loadRequestRow(ctx.db, input.id);
    const status = row.status as RequestStatus;
    if (!matchable.includes(status))
      throw new Failure(
        'conflict',
        status === 'niet_uitvoerbaar'
          ? 'Deze aanvraag is niet uitvoerbaar; heropen haar eerst om sleutelpersonen te koppelen.'
          : 'Deze aanvraag is al uitgevoerd; koppel geen sleutelpersonen meer.',
      );
    const persons = await personsWithRemoval(ctx.db)
      .select([
        'persons.id',
        'voornaam',
        'tussenvoegsel',
        'achternaam',
        'roepnaam',
        'status',
        'removal.id as removal_id',
      ])
      .where('persons.id', 'in', input.personIds)
      .execute();
    const byId = new Map(persons.map((p) => [p.id, p]));
    const missing = input.personIds.find((id) => !byId.has(id));
    if (missing) throw invalidField('personIds', 'een gekozen sleutelpersoon bestaat niet (meer)');
    const inactive = persons.find((p) => p.status !== 'actief' || p.removal_id !== null);
    if (inactive)
      throw invalidField(
        'personIds',
        `${fullName(inactive)} is geen actieve sleutelpersoon; kies iemand anders`,
      );

    const already = new Set(
      (
        await ctx.db
          .selectFrom('request_persons')
          .select('person_id')
          .where('request_id', '=', row.id)
          .execute()
      ).map((r) => r.person_id),
    );
    const added = input.personIds.filter((id) => !already.has(id));
    if (added.length === 0)
      throw new Failure('conflict', 'Deze sleutelpersonen zijn al gekoppeld aan deze aanvraag.');
    if (already.size + added.length > maxMatchedPersons)
      throw invalidField('personIds', `hoogstens ${maxMatchedPersons} sleutelpersonen per aanvraag`);

    await ctx.db
      .insertInto('request_persons')
      .values(
        added.map((personId) => ({
          id: ctx.newId(),
          request_id: row.id,
          person_id: personId,
          account_id: ctx.account?.id ?? null,
          created_at: ctx.now,
          version: 1,
        })),
      )
      .execute();
    const names = added.map((id) => fullName(byId.get(id) as Parameters<typeof fullName>[0]));
    return updateVersioned(
      ctx,
      'requests',
      input,
      {
        status: 'gematcht',
        gematcht_op: status === 'nieuw' ? ctx.today : row.gematcht_op,
        updated_at: ctx.now,
      },
      {
        recordType: 'aanvraag',
        summary: `Aanvraag gematcht met ${names.join(', ')}: ${requestTitle(row)}`,
        changes: [
          ...(status === 'nieuw' ? [{ field: 'status', before: 'Nieuw', after: 'Gematcht' }] : []),
          { field: 'personIds', before: null, after: names.join(', ') },
        ],
      },
    );
  },

  'aanvragen.unmatch': async (ctx, input) => {
    const row = await loadRequestRow(ctx.db, input.id);
    if (row.status !== 'gematcht')
      throw new Failure(
        'conflict',
        'Alleen bij een gematchte aanvraag haal je een sleutelpersoon eraf; daarna is het werk vastgelegd.',
      );
    const link = await ctx.db
      .selectFrom('request_persons')
      .innerJoin('persons', 'persons.id', 'request_persons.person_id')
      .select(['request_persons.id', 'voornaam', 'tussenvoegsel', 'achternaam', 'roepnaam'])
      .where('request_persons.request_id', '=', row.id)
      .where('request_persons.person_id', '=', input.personId)
      .executeTakeFirst();
    if (!link) throw invalidField('personId', 'deze sleutelpersoon is niet gekoppeld aan deze aanvraag');
    await ctx.db.deleteFrom('request_persons').where('id', '=', link.id).execute();
    const left = await ctx.db
      .selectFrom('request_persons')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('request_id', '=', row.id)
      .executeTakeFirstOrThrow();
    const none = Number(left.n) === 0;
    return updateVersioned(
      ctx,
      'requests',
      input,
      none ? { status: 'nieuw', gematcht_op: null, updated_at: ctx.now } : { updated_at: ctx.now },
      {
        recordType: 'aanvraag',
        summary: `Sleutelpersoon ontkoppeld: ${fullName(link)} van ${requestTitle(row)}`,
        changes: [
          ...(none ? [{ field: 'status', before: 'Gematcht', after: 'Nieuw' }] : []),
          { field: 'personIds', before: fullName(link), after: null },
        ],
      },
    );
  },
} satisfies AreaHandlers<'aanvragen'>;
