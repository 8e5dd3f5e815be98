import { describe, expect, it } from 'vitest';
import {
  basistrainingDueOn,
  certificateExpiry,
  certificateNeedsAttention,
  personTrainingSaveInput,
  sessionIsNear,
  trainingSaveInput,
} from './scholing.ts';

describe('certificate expiry', () => {
  it('is the completion date plus the validity, clamped at month ends', () => {
    expect(certificateExpiry('2026-01-31', 1)).toBe('2026-02-28');
    expect(certificateExpiry('2028-01-31', 1)).toBe('2028-02-29');
    expect(certificateExpiry('2028-02-29', 12)).toBe('2029-02-28');
    expect(certificateExpiry('2026-12-31', 2)).toBe('2027-02-28');
    expect(certificateExpiry('2026-12-31', 12)).toBe('2027-12-31');
    expect(certificateExpiry('2026-03-15', 24)).toBe('2028-03-15');
  });

  it('asks attention from 60 days before, and stays once expired', () => {
    // 31 December + 60 days is 1 March; in a leap year 29 February lies between.
    expect(certificateNeedsAttention('2027-03-01', '2026-12-31')).toBe(true);
    expect(certificateNeedsAttention('2027-03-02', '2026-12-31')).toBe(false);
    expect(certificateNeedsAttention('2028-02-29', '2027-12-31')).toBe(true);
    expect(certificateNeedsAttention('2028-03-01', '2027-12-31')).toBe(false);
    expect(certificateNeedsAttention('2020-01-01', '2026-12-31')).toBe(true);
  });
});

describe('basistraining due', () => {
  it('three calendar months after becoming active, never drifting into the month after', () => {
    expect(basistrainingDueOn('2025-11-30')).toBe('2026-02-28');
    expect(basistrainingDueOn('2027-11-30')).toBe('2028-02-29');
    expect(basistrainingDueOn('2026-10-31')).toBe('2027-01-31');
    expect(basistrainingDueOn('2026-09-30')).toBe('2026-12-30');
  });
});

describe('planned session near', () => {
  it('from today up to 30 days ahead, across the year end', () => {
    expect(sessionIsNear('2026-12-31', '2026-12-31')).toBe(true);
    expect(sessionIsNear('2027-01-30', '2026-12-31')).toBe(true);
    expect(sessionIsNear('2027-01-31', '2026-12-31')).toBe(false);
    expect(sessionIsNear('2026-12-30', '2026-12-31')).toBe(false);
  });
});

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('inputs', () => {
  const training = {
    naam: 'Basistraining Sleutelpersonen',
    aanbieder: 'pharos',
    aanbiederAnders: null,
    soort: 'basistraining',
    duurEenheid: 'dagdelen',
    duur: 6,
    certificaat: true,
    geldigheidMaanden: 24,
    kostenCents: 350_00,
  };

  it('a training names what is wrong in Dutch, at the field', () => {
    expect(trainingSaveInput.safeParse(training).success).toBe(true);
    expect(issues(trainingSaveInput.safeParse({ ...training, aanbieder: 'anders' }))).toEqual([
      'aanbiederAnders: vul de naam van de aanbieder in',
    ]);
    expect(
      issues(trainingSaveInput.safeParse({ ...training, certificaat: false, kostenCents: 12.5 })),
    ).toEqual(['kostenCents: een bedrag heeft hoogstens 2 decimalen']);
    expect(issues(trainingSaveInput.safeParse({ ...training, certificaat: false }))).toEqual([
      'geldigheidMaanden: alleen bij een training met certificaat',
    ]);
  });

  it('a completed training needs its date, and an expiry after it', () => {
    const record = {
      personId: '01900000-0000-7000-8000-000000000001',
      trainingId: '01900000-0000-7000-8000-000000000002',
      status: 'afgerond',
      startdatum: '2026-03-01',
      einddatum: null,
      minuten: null,
      verloopdatum: null,
      notitie: null,
    };
    expect(issues(personTrainingSaveInput.safeParse(record))).toEqual([
      'einddatum: vul de datum van afronding in',
    ]);
    expect(
      issues(
        personTrainingSaveInput.safeParse({ ...record, einddatum: '2026-02-01', verloopdatum: '2026-01-01' }),
      ),
    ).toEqual(['einddatum: ligt voor de begindatum', 'verloopdatum: ligt niet na de datum van afronding']);
    expect(
      issues(personTrainingSaveInput.safeParse({ ...record, status: 'gepland', einddatum: '2026-03-02' })),
    ).toEqual(['einddatum: alleen bij afgerond of gestopt']);
  });
});
