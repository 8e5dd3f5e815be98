import { describe, expect, it } from 'vitest';
import { callNames } from '../../shared/contract.ts';
import { handlers } from './calls.ts';
import { CallRegistry } from './registry.ts';

const status = async () => ({ organisatieNaam: null, needsSetup: true, appVersion: '0', melding: null });

describe('call registry', () => {
  it('refuses a call registered twice, even from two files of one area', () => {
    const registry = new CallRegistry().area('settings', { 'settings.status': status });
    expect(() => registry.area('settings', { 'settings.status': status })).toThrow(
      'Call settings.status registered twice',
    );
  });

  it("refuses a call registered under another area's name", () => {
    const wrong = { 'settings.status': status } as never;
    expect(() => new CallRegistry().area('accounts', wrong)).toThrow('registered in area accounts');
  });

  it('refuses to serve while a call of the contract has no handler', () => {
    expect(() => new CallRegistry().area('settings', { 'settings.status': status }).handlers()).toThrow(
      /Calls without a handler: .*auth\.login/,
    );
  });

  it('serves every call of the contract, and nothing else', () => {
    expect(Object.keys(handlers).sort()).toEqual([...callNames].sort());
  });
});
