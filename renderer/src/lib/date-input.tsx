import { DateInput, type DateInputProps } from '@mantine/dates';
import { parseDutchDate } from '../../../shared/dates.ts';

/** A date field in the Dutch notation (dd-mm-jjjj) whose value is an ISO date string; typing follows parseDutchDate. */
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
