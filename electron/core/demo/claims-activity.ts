/**
 * The demo's claims (split from activity.ts): claims in every state with every kind of check, receipts as small
 * PDFs, rejections with a reason and two payout batches, entered through the administrateur's own calls.
 */
import type { ClaimKind } from '../../../shared/claims.ts';
import type { CallInput } from '../../../shared/contract.ts';
import { addDays, addMonths } from '../../../shared/dates.ts';
import { formatCents, formatDate } from '../../../shared/format.ts';
import { type DemoPerson, distinct } from './activity.ts';
import { random } from './random.ts';
import type { DemoCall } from './seed.ts';

/** A receipt as a small one-page PDF: what a scanned till receipt would say. */
export function receiptPdf(lines: readonly string[]): string {
  // Courier in WinAnsiEncoding, where the euro sign is byte 0x80; parentheses and backslashes escaped.
  const text = lines.map((l) => `(${l.replace(/[\\()]/g, (c) => `\\${c}`).replace(/€/g, '\\200')}) Tj T*`);
  const stream = `BT /F1 10 Tf 14 TL 16 ${40 + lines.length * 14} Td ${text.join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 240 ${80 + lines.length * 14}] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const [i, body] of objects.entries()) {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  }
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1').toString('base64');
}

const hourTasks = [
  'Huisbezoeken en spreekuur',
  'Voorlichting in de bibliotheek',
  'Taalcafé begeleid',
  'Ouderbijeenkomst op school',
  'Meegegaan naar het wijkteam',
];
const rides: [van: string, naar: string][] = [
  ['Utrecht', 'Nieuwegein'],
  ['Amersfoort', 'Utrecht'],
  ['Zeist', 'Houten'],
  ['Veenendaal', 'Amersfoort'],
];
const trips = [
  { omschrijving: 'Trein naar de voorlichting in Amersfoort', bedragCents: 795, winkel: 'NS Reizigers' },
  { omschrijving: 'Bus naar huisbezoek', bedragCents: 395, winkel: 'U-OV' },
  { omschrijving: 'Trein naar de training bij de GGD', bedragCents: 1240, winkel: 'NS Reizigers' },
];
const rejections = [
  'Deze rit is al vergoed in de declaratie van vorige week.',
  'Parkeren in de eigen straat valt niet onder de afspraken.',
  'Deze uren vallen buiten de afgesproken taken; eerst met de begeleider overleggen.',
];

type ClaimInput = CallInput<'claims.create'>;

/**
 * Claims in every state, as the administrateur enters and decides them: paid in a batch two months ago, in a concept
 * batch, approved, rejected with a reason, and submitted, most without checks and some with one of each kind that
 * stops or warns (over the monthly limit, receipt missing, a kind the contract does not know, a likely duplicate,
 * no contract, bijstand without toestemming). Needs the contracts definitief.
 */
export async function seedClaims(
  call: DemoCall,
  people: readonly DemoPerson[],
  today: string,
): Promise<void> {
  const rnd = random(20261127);
  const thisMonth = `${today.slice(0, 8)}01`;
  const twoMonthsAgo = addMonths(thisMonth, -2);
  const lastMonth = addMonths(thisMonth, -1);
  // People who can be paid: active, under contract since before the claims' months, with an IBAN.
  const payable = people.filter(
    (p) =>
      p.status === 'actief' &&
      p.iban &&
      !p.toestemmingOntbreekt &&
      p.contract !== null &&
      p.contract.startdatum < addMonths(thisMonth, -3),
  );
  // The person who crosses the monthly limit needs an hourly rate at which four long weeks exceed it.
  const busy = payable.find((p) => (p.contract?.uurCents ?? 0) >= 5_00);
  const pool = payable.filter((p) => p !== busy);
  const take = (n: number) => pool.splice(0, n);

  const receipt = (winkel: string, datum: string, bedragCents: number) => ({
    base64: receiptPdf([
      winkel,
      formatDate(datum),
      '',
      `Totaal ${formatCents(bedragCents)}`,
      'Betaald met pin',
    ]),
  });
  /** An everyday claim of one of the kinds the person's contract pays: hours, km or a trip with its receipt. */
  const everyday = (person: DemoPerson, datum: string): ClaimInput => {
    const kind: ClaimKind = rnd.pick(
      person.contract?.kmCents ? ['uren', 'uren', 'km', 'ov'] : ['uren', 'ov'],
    );
    const base = {
      personId: person.id,
      datum,
      van: null,
      naar: null,
      km: null,
      minuten: null,
      bedragCents: null,
    };
    if (kind === 'uren')
      return {
        ...base,
        soort: 'uren',
        omschrijving: rnd.pick(hourTasks),
        minuten: rnd.pick([90, 120, 150, 180, 240]),
      };
    if (kind === 'km') {
      const [van, naar] = rnd.pick(rides);
      return { ...base, soort: 'km', omschrijving: 'Rit naar huisbezoek', van, naar, km: rnd.int(6, 38) };
    }
    const trip = rnd.pick(trips);
    return {
      ...base,
      soort: 'ov',
      omschrijving: trip.omschrijving,
      bedragCents: trip.bedragCents,
      bonnen: [receipt(trip.winkel, datum, trip.bedragCents)],
    };
  };
  /** Up to `max` claims per person on different days in the `spread` days from `from` (all before today). */
  const claimsOf = async (group: DemoPerson[], from: string, spread: number, max = 2) => {
    const made: { id: string; version: number }[] = [];
    for (const person of group) {
      const days = distinct(
        rnd,
        Array.from({ length: spread }, (_, i) => i),
        rnd.int(1, max),
      );
      for (const day of days) made.push(await call('claims.create', everyday(person, addDays(from, day))));
    }
    return made;
  };

  // Paid: approved, in a batch, offered to the bank and paid.
  const paid = await claimsOf(take(8), twoMonthsAgo, 26);
  if (paid.length > 0) {
    await call('claims.approve', { items: paid });
    const batch = await call('payouts.create', { claimIds: paid.map((c) => c.id), uitvoerdatum: today });
    const offered = await call('payouts.submit', batch);
    await call('payouts.paid', offered);
  }

  // Last month: approved; most in a concept batch, some waiting for the next one.
  const inBatch = await claimsOf(take(6), lastMonth, 26);
  const approved = await claimsOf(take(4), lastMonth, 26, 1);
  // Three long weeks of the busy person, approved: a fourth will not fit the month.
  const weeks: { id: string; version: number }[] = [];
  if (busy) {
    for (const day of [1, 8, 15]) {
      weeks.push(
        await call('claims.create', {
          personId: busy.id,
          soort: 'uren',
          datum: addDays(lastMonth, day),
          omschrijving: 'Weekstaat huisbezoeken en spreekuur',
          minuten: 12 * 60,
        }),
      );
    }
  }
  const decided = [...inBatch, ...approved, ...weeks];
  if (decided.length > 0) await call('claims.approve', { items: decided });
  if (inBatch.length > 0)
    await call('payouts.create', { claimIds: inBatch.map((c) => c.id), uitvoerdatum: addDays(today, 3) });

  // Rejected, each with the reason the person reads.
  const refused = await claimsOf(take(3), lastMonth, 26, 1);
  if (refused.length > 0)
    await call('claims.reject', {
      items: refused.map((c, i) => ({ ...c, reden: rejections[i % rejections.length] as string })),
    });

  // Submitted, each with something the administrateur has to look at.
  const recent = () => addDays(today, -rnd.int(1, 12));
  if (busy) {
    await call('claims.create', {
      personId: busy.id,
      soort: 'uren',
      datum: addDays(lastMonth, 22),
      omschrijving: 'Weekstaat huisbezoeken en spreekuur',
      minuten: 12 * 60,
    });
  }
  const [noReceipt, wrongKind, twice] = take(3);
  // Submitted in the last weeks, nothing in the way (the group that is smaller when the demo has fewer people).
  await claimsOf(take(10), addDays(today, -20), 20);
  if (noReceipt) {
    await call('claims.create', {
      personId: noReceipt.id,
      soort: 'onkosten',
      datum: recent(),
      omschrijving: 'Koffie en thee voor de ouderbijeenkomst',
      bedragCents: 1240,
    });
  }
  if (wrongKind) {
    await call('claims.create', {
      personId: wrongKind.id,
      soort: 'activiteit',
      datum: recent(),
      omschrijving: 'Voorlichting op de basisschool',
    });
  }
  if (twice) {
    const datum = recent();
    const trip = rnd.pick(trips);
    for (let i = 0; i < 2; i++) {
      await call('claims.create', {
        personId: twice.id,
        soort: 'ov',
        datum,
        omschrijving: trip.omschrijving,
        bedragCents: trip.bedragCents,
        bonnen: [receipt(trip.winkel, datum, trip.bedragCents)],
      });
    }
  }
  const withoutContract = people.find((p) => p.status === 'intake');
  if (withoutContract) {
    const datum = recent();
    await call('claims.create', {
      personId: withoutContract.id,
      soort: 'ov',
      datum,
      omschrijving: 'Bus naar het kennismakingsgesprek',
      bedragCents: 395,
      bonnen: [receipt('U-OV', datum, 395)],
    });
  }
  const withoutPermission = people.find(
    (p) => p.status === 'actief' && p.toestemmingOntbreekt && p.contract !== null,
  );
  if (withoutPermission) {
    await call('claims.create', {
      personId: withoutPermission.id,
      soort: 'uren',
      datum: recent(),
      omschrijving: rnd.pick(hourTasks),
      minuten: 180,
    });
  }
}
