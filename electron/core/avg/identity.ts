/**
 * What identifies a person in text: their names, e-mail, phone and IBAN as the record holds them now and as the
 * audit log shows they were before; and, so a namesake is left alone, the names other people in the register carry.
 */
import type { Reader } from '../context.ts';
import { sepaText } from '../payouts/sepa.ts';
import type { PersonsTable } from '../store/schema.ts';

type Identifying = 'voornaam' | 'tussenvoegsel' | 'achternaam' | 'roepnaam' | 'email' | 'telefoon' | 'iban';
type Person = Pick<PersonsTable, 'id' | Identifying>;

/** IBANs without spaces, in capitals, as a payment file writes them; anything else (a removed value) is left out. */
const normalIbans = (values: Iterable<string>) =>
  new Set(
    [...values]
      .map((iban) => iban.replace(/\s+/g, '').toUpperCase())
      .filter((iban) => /^[A-Z]{2}[0-9]{2}[A-Z0-9]{8,30}$/.test(iban)),
  );

/** Every value the person's identifying fields ever had: the record now, and each before and after in the log. */
async function recordedValues(db: Reader, person: Person): Promise<Record<Identifying, Set<string>>> {
  const values: Record<Identifying, Set<string>> = {
    voornaam: new Set(),
    tussenvoegsel: new Set(),
    achternaam: new Set(),
    roepnaam: new Set(),
    email: new Set(),
    telefoon: new Set(),
    iban: new Set(),
  };
  const add = (field: string, value: unknown) => {
    if (typeof value === 'string' && value.trim() && Object.hasOwn(values, field))
      values[field as Identifying].add(value);
  };
  for (const field of Object.keys(values)) add(field, person[field as Identifying]);
  const history = await db
    .selectFrom('audit_log')
    .select('changes')
    .where('record_type', '=', 'person')
    .where('record_id', '=', person.id)
    .execute();
  for (const h of history) {
    for (const c of JSON.parse(h.changes) as { field: string; before: unknown; after: unknown }[]) {
      add(c.field, c.before);
      add(c.field, c.after);
    }
  }
  return values;
}

/** Every IBAN the person had, normalised: the payment files name them by it. */
export async function personIbans(db: Reader, person: Person): Promise<Set<string>> {
  return normalIbans((await recordedValues(db, person)).iban);
}

/** Each first name (voornaam or roepnaam) with the achternaam, with and without a tussenvoegsel. */
function namePhrases(v: {
  first: Iterable<string>;
  tussenvoegsel: Iterable<string>;
  achternaam: Iterable<string>;
}): string[] {
  const names = new Set<string>();
  for (const f of v.first) {
    for (const a of v.achternaam) {
      names.add(`${f} ${a}`);
      for (const t of v.tussenvoegsel) names.add(`${f} ${t} ${a}`);
    }
  }
  return [...names];
}

/**
 * The names everyone else in the register carries now, lowercased: whole names (also as a payment file spells
 * them) and first names. An anonymised person carries a neutral name, so only living people count.
 */
async function othersNames(db: Reader, personId: string) {
  const others = await db
    .selectFrom('persons')
    .select(['voornaam', 'tussenvoegsel', 'achternaam', 'roepnaam'])
    .where('id', '!=', personId)
    .execute();
  const names = new Set<string>();
  const firstNames = new Set<string>();
  for (const o of others) {
    const first = [o.voornaam, ...(o.roepnaam ? [o.roepnaam] : [])];
    for (const f of first) firstNames.add(f.toLowerCase());
    for (const n of namePhrases({
      first,
      tussenvoegsel: o.tussenvoegsel ? [o.tussenvoegsel] : [],
      achternaam: [o.achternaam],
    })) {
      names.add(n.toLowerCase());
      names.add(sepaText(n, 70).toLowerCase());
    }
  }
  return { names, firstNames };
}

/**
 * How the person was written down. Whole names and first names another person in the register also carries are
 * left out: replacing them would rewrite what is said about that namesake. `allFirstNames` keeps them, to count
 * the mentions that are left.
 */
export async function identifyingText(db: Reader, person: Person) {
  const values = await recordedValues(db, person);
  const others = await othersNames(db, person.id);
  const allFirstNames = [...values.voornaam, ...values.roepnaam];
  const names = namePhrases({
    first: allFirstNames,
    tussenvoegsel: values.tussenvoegsel,
    achternaam: values.achternaam,
  });
  const sepaNames = names.map((n) => sepaText(n, 70));
  return {
    names: [...new Set([...names, ...sepaNames])].filter((n) => !others.names.has(n.toLowerCase())),
    firstNames: [...new Set(allFirstNames)].filter((n) => !others.firstNames.has(n.toLowerCase())),
    allFirstNames: [...new Set(allFirstNames)],
    emails: [...values.email].map((e) => e.toLowerCase()),
    phones: [...values.telefoon],
    ibans: normalIbans(values.iban),
  };
}
