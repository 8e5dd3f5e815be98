import { type AttentionItem, attentionRules } from '../../../shared/attention.ts';
import { addDays, addYears } from '../../../shared/dates.ts';
import { formatDateLong } from '../../../shared/format.ts';
import { fullName } from '../../../shared/persons.ts';
import { type ContractForm, contractFormLabels } from '../../../shared/profiles.ts';
import type { AreaHandlers } from '../registry.ts';
import { type ScholingAttention, scholingAttention } from '../scholing/read.ts';

/** A scholing rule's line in words, with the date that makes it urgent. */
function toItem(a: ScholingAttention, today: string): AttentionItem {
  const base = {
    kind: a.kind,
    personId: a.personId,
    personNaam: typeof a.subject === 'string' ? a.subject : fullName(a.subject),
    contractId: null,
    sessionId: a.sessionId,
    date: a.date,
  };
  const date = formatDateLong(a.date);
  switch (a.kind) {
    case 'basistraining_ontbreekt':
      return {
        ...base,
        text: `Actief sinds ${formatDateLong(a.detail.sinds)}, nog geen basistraining afgerond`,
      };
    case 'certificaat_verloopt':
      return {
        ...base,
        text: `Certificaat ${a.detail.naam} ${(a.date ?? '') < today ? 'verlopen sinds' : 'verloopt op'} ${date}`,
      };
    case 'training_te_weinig_deelnemers':
      return {
        ...base,
        text: `Gepland op ${date}: ${a.detail.aanwezig} ${a.detail.aanwezig === 1 ? 'deelnemer' : 'deelnemers'}, minimaal ${a.detail.minimum} nodig`,
      };
  }
}

/**
 * The start screen's list: contracts ending soon, definitief but unsigned, VOG due or missing, bijstand without the
 * gemeente's toestemming, active people without contract, and what scholing's rules find (scholing/read.ts).
 */
export const attentionHandlers = {
  'attention.list': async (ctx) => {
    const today = ctx.today;
    const items: AttentionItem[] = [];
    const current = await ctx.db
      .selectFrom('contracts')
      .innerJoin('persons', 'persons.id', 'contracts.person_id')
      .select([
        'contracts.id',
        'contracts.nummer',
        'contracts.vorm',
        'contracts.status',
        'contracts.startdatum',
        'contracts.einddatum',
        'contracts.definitief_at',
        'contracts.person_id',
        'persons.voornaam',
        'persons.tussenvoegsel',
        'persons.achternaam',
        'persons.roepnaam',
      ])
      .where('contracts.status', 'in', ['definitief', 'getekend'])
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('contracts as next')
              .select('next.id')
              .whereRef('next.vorige_id', '=', 'contracts.id')
              .where('next.status', '!=', 'concept'),
          ),
        ),
      )
      .execute();
    const endLimit = addDays(today, attentionRules.contractEndsWithinDays);
    const unsignedSince = addDays(today, -attentionRules.unsignedAfterDays);
    for (const c of current) {
      const naam = fullName(c);
      const label = `${contractFormLabels[c.vorm as ContractForm]} ${c.nummer}`;
      if (c.einddatum && c.einddatum >= today && c.einddatum <= endLimit) {
        items.push({
          kind: 'contract_eindigt',
          personId: c.person_id,
          personNaam: naam,
          contractId: c.id,
          sessionId: null,
          text: `${label} eindigt op ${formatDateLong(c.einddatum)}`,
          date: c.einddatum,
        });
      }
      if (c.status === 'definitief' && c.definitief_at && c.definitief_at.slice(0, 10) <= unsignedSince) {
        items.push({
          kind: 'niet_getekend',
          personId: c.person_id,
          personNaam: naam,
          contractId: c.id,
          sessionId: null,
          text: `${label} is sinds ${formatDateLong(c.definitief_at.slice(0, 10))} definitief maar nog niet getekend`,
          date: c.definitief_at.slice(0, 10),
        });
      }
    }

    const active = await ctx.db
      .selectFrom('persons')
      .select([
        'id',
        'voornaam',
        'tussenvoegsel',
        'achternaam',
        'roepnaam',
        'vog_afgiftedatum',
        'vog_vernieuwdatum',
        'bijstand',
        'toestemming_nodig',
        'toestemming_datum',
      ])
      .where('status', '=', 'actief')
      .execute();
    const covered = new Set(
      current
        .filter((c) => c.startdatum <= today && (!c.einddatum || c.einddatum >= today))
        .map((c) => c.person_id),
    );
    for (const p of active) {
      const naam = fullName(p);
      // The renewal date recorded, or else the issue date plus the usual validity.
      const renewal =
        p.vog_vernieuwdatum ??
        (p.vog_afgiftedatum ? addYears(p.vog_afgiftedatum, attentionRules.vogValidYears) : null);
      if (renewal) {
        if (renewal <= addDays(today, attentionRules.vogWarnWithinDays)) {
          const text =
            renewal < today
              ? `VOG verlopen sinds ${formatDateLong(renewal)}`
              : `VOG verloopt op ${formatDateLong(renewal)}`;
          items.push({
            kind: 'vog_verloopt',
            personId: p.id,
            personNaam: naam,
            contractId: null,
            sessionId: null,
            text,
            date: renewal,
          });
        }
      }
      if (!renewal) {
        items.push({
          kind: 'vog_ontbreekt',
          personId: p.id,
          personNaam: naam,
          contractId: null,
          sessionId: null,
          text: 'Geen VOG vastgelegd (afgifte- of vernieuwdatum)',
          date: null,
        });
      }
      if (p.bijstand === 1 && p.toestemming_nodig === 1 && !p.toestemming_datum) {
        items.push({
          kind: 'toestemming_ontbreekt',
          personId: p.id,
          personNaam: naam,
          contractId: null,
          sessionId: null,
          text: 'Op bijstand; toestemming nodig, nog geen datum vastgelegd',
          date: null,
        });
      }
      if (!covered.has(p.id)) {
        items.push({
          kind: 'geen_contract',
          personId: p.id,
          personNaam: naam,
          contractId: null,
          sessionId: null,
          text: 'Actief zonder lopend contract',
          date: null,
        });
      }
    }
    items.push(...(await scholingAttention(ctx.db, today)).map((a) => toItem(a, today)));
    return items.sort(
      (a, b) =>
        (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.personNaam.localeCompare(b.personNaam, 'nl'),
    );
  },
} satisfies AreaHandlers<'attention'>;
