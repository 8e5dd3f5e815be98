import { TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { formatDurationInput, parseDurationToMinutes } from '../../../shared/duration.ts';

type Props = Omit<TextInputProps, 'value' | 'onChange'> & {
  value: number | null;
  onChange(minutes: number | null): void;
};

/** Time typed as hours and minutes ('1:30') or hours ('1,5'), held as whole minutes. */
export function DurationInput({ value, onChange, error, ...props }: Props) {
  const shown = (minutes: number | null) => (minutes === null ? '' : formatDurationInput(minutes));
  const [text, setText] = useState(shown(value));
  const parsed = text.trim() === '' ? null : parseDurationToMinutes(text);
  const invalid = text.trim() !== '' && parsed === null;
  return (
    <TextInput
      {...props}
      inputMode="decimal"
      value={text}
      error={invalid ? 'vul uren en minuten in, bijvoorbeeld 1:30 of 1,5' : error}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        onChange(next.trim() === '' ? null : parseDurationToMinutes(next));
      }}
      onBlur={() => {
        if (!invalid) setText(shown(parsed));
      }}
    />
  );
}
