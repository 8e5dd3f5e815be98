/**
 * The e2e suite runs on one fixed working day, in the browser and in the host alike, so what it checks does not
 * turn on the date it happens to run (claims entered "today" need that year's fiscal figures). Time flows on from
 * there at the real rate.
 */
export const e2eToday = '2026-11-25';
const offset = Date.parse(`${e2eToday}T08:00:00Z`) - Date.now();
export const e2eClock = (): Date => new Date(Date.now() + offset);
