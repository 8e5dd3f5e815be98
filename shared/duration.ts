/**
 * Time spent, as people type it in a claim, held as whole minutes. The one rule for the field:
 * - hours and minutes with a colon: '1:30', '0:45', '12:05' (minutes 00–59, two digits);
 * - hours with a decimal comma or point: '1,5', '1.5', '0,25', '2' (at most two decimals);
 * - with words: '1 uur 30', '1u30', '1 u', '45 min', '90 minuten'.
 * What is not a whole number of minutes ('1,33 uur' is 79,8) is refused, never rounded.
 */
const colon = /^(\d{1,2}):([0-5]\d)$/;
const decimalHours = /^(\d{1,2})(?:[.,](\d{1,2}))?\s*(?:u|uur)?$/;
const hoursAndMinutes = /^(\d{1,2})\s*(?:u|uur)\s*(\d{1,2})\s*(?:m|min|minuten)?$/;
const minutesOnly = /^(\d{1,4})\s*(?:m|min|minuten)$/;

/** A typed duration as whole minutes, or null when it is not one. */
export function parseDurationToMinutes(text: string): number | null {
  const typed = text.trim().toLowerCase();
  const byColon = colon.exec(typed);
  if (byColon) return Number(byColon[1]) * 60 + Number(byColon[2]);
  const byWords = hoursAndMinutes.exec(typed);
  if (byWords) {
    const minutes = Number(byWords[2]);
    return minutes < 60 ? Number(byWords[1]) * 60 + minutes : null;
  }
  const byMinutes = minutesOnly.exec(typed);
  if (byMinutes) return Number(byMinutes[1]);
  const byDecimal = decimalHours.exec(typed);
  if (byDecimal) {
    // In hundredths of an hour, so no float comes in: 1,5 → 150 → 90 minutes.
    const hundredths = Number(byDecimal[1]) * 100 + Number((byDecimal[2] ?? '').padEnd(2, '0'));
    return (hundredths * 60) % 100 === 0 ? (hundredths * 60) / 100 : null;
  }
  return null;
}

/** Minutes as the field shows them: 90 → '1:30', 45 → '0:45'. */
export function formatDurationInput(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
