import { describe, expect, it } from 'vitest';
import { reportRoute, scrubEngineMessage, setReportVersion, technicalReport } from './error-report.ts';

const context = {
  at: new Date('2026-03-20T09:15:00.000Z'),
  hash: '#/personen/01963b2e-8f4a-7c3d-9e21-4b5a6c7d8e9f/bewerken',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Schakel/0.1.0 Electron/45.5.0',
};

describe('technical report', () => {
  it('names the screen by its shape: ids and typed text replaced, a broken address read without decoding', () => {
    expect(reportRoute(context.hash)).toBe('personen/:id/bewerken');
    expect(reportRoute('#/profielen/01963b2e-8f4a-7c3d-9e21-4b5a6c7d8e9f/versie/3')).toBe(
      'profielen/:id/versie/3',
    );
    expect(reportRoute('#/personen/%E0%A4%A')).toBe('personen/…');
    expect(reportRoute('#/personen/Jan Jansen')).toBe('personen/…');
    expect(reportRoute('#token=abc123')).toBe('…');
    expect(reportRoute('')).toBe('(start)');
  });

  it('keeps an engine message but takes out quoted values and long numbers', () => {
    expect(scrubEngineMessage("Cannot read properties of undefined (reading 'voornaam')")).toBe(
      "Cannot read properties of undefined (reading 'voornaam')",
    );
    expect(scrubEngineMessage('Unexpected token \'Ş\', "Şükrü Çelik" is not valid JSON')).toBe(
      'Unexpected token …, … is not valid JSON',
    );
    expect(scrubEngineMessage('Invalid IBAN NL91ABNA0417164300 for jan@example.org')).toBe(
      'Invalid IBAN NL91ABNA# for …',
    );
  });

  it('gives a failed call its name, code and reference, and nothing of the message', () => {
    setReportVersion('0.1.0');
    const text = technicalReport(
      {
        kind: 'call',
        call: 'persons.update',
        error: {
          code: 'internal',
          message: 'Şükrü Çelik kon niet worden opgeslagen (kenmerk 0a1b2c3d).',
          reference: '0a1b2c3d',
        },
      },
      context,
    );
    expect(text).toBe(
      [
        'Schakel – technisch rapport',
        'Versie: 0.1.0',
        'Tijd: 2026-03-20T09:15:00.000Z',
        'Scherm: personen/:id/bewerken',
        'Soort: fout bij een opdracht',
        'Opdracht: persons.update',
        'Foutcode: internal',
        'Kenmerk: 0a1b2c3d',
        `Browser: ${context.userAgent}`,
      ].join('\n'),
    );
  });

  it('gives a render error its kind and code frames, without folders or a message Schakel wrote', () => {
    const engine = new TypeError("Cannot read properties of null (reading 'iban')");
    engine.stack = [
      "TypeError: Cannot read properties of null (reading 'iban')",
      '    at PersonDetails (file:///C:/Users/jan.jansen/AppData/Local/Programs/Schakel/resources/app.asar/dist/renderer/assets/index-Bx1.js:40:1234)',
      '    at renderWithHooks (http://127.0.0.1:43117/assets/index-Bx1.js:12:99)',
    ].join('\n');
    const text = technicalReport(
      {
        kind: 'render',
        error: engine,
        componentStack:
          '\n    at PersonDetails (file:///C:/Users/jan.jansen/x/index-Bx1.js:40:10)\n    at div',
      },
      context,
    );
    expect(text).toContain('Soort: fout in het scherm\nFout: TypeError');
    expect(text).toContain("Melding: Cannot read properties of null (reading 'iban')");
    expect(text).toContain(
      'Stack:\n  PersonDetails index-Bx1.js:40:1234\n  renderWithHooks index-Bx1.js:12:99',
    );
    expect(text).toContain('Componenten:\n  PersonDetails index-Bx1.js:40:10');
    expect(text).not.toMatch(/jan\.jansen|127\.0\.0\.1|file:/);

    // A failed call thrown into a screen: its code and reference, not its Dutch message (it can name someone).
    const thrown = Object.assign(new Error('Bea Beheer heeft dit al gewijzigd'), {
      name: 'CallError',
      error: { code: 'internal', message: 'Bea Beheer heeft dit al gewijzigd', reference: 'ffee0011' },
    });
    const second = technicalReport({ kind: 'render', error: thrown }, context);
    expect(second).toContain('Fout: CallError\nFoutcode: internal\nKenmerk: ffee0011');
    expect(second).not.toContain('Bea');
  });
});
