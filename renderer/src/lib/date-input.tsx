import { DateInput, type DateInputProps } from '@mantine/dates';

/** Accepts what people type: 25-11-2026, 25-11-26, 25/11/2026, 2026-11-25. */
export function parseDutchDate(value: string): string | null {
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const m = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{2}|\d{4})$/.exec(text);
  if (!m) return null;
  const [, d, mo, y] = m as unknown as [string, string, string, string];
  const year = y.length === 2 ? Number(y) + (Number(y) > 40 ? 1900 : 2000) : Number(y);
  const iso = `${year}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/** A date field in the Dutch notation (dd-mm-jjjj) whose value is an ISO date string. */
export function DutchDateInput(props: DateInputProps) {
  return (
    <DateInput
      valueFormat="DD-MM-YYYY"
      placeholder="dd-mm-jjjj"
      dateParser={parseDutchDate}
      clearable
      {...props}
    />
  );
}
