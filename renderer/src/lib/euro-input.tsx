import { TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { formatCents } from '../../../shared/format.ts';
import { parseEuroToCents } from '../../../shared/money.ts';

type Props = Omit<TextInputProps, 'value' | 'onChange'> & {
  value: number | null;
  onChange(cents: number | null): void;
};

/** An amount typed the Dutch way ('5,75', '€ 1.234,56') and held as integer cents. */
export function EuroInput({ value, onChange, error, ...props }: Props) {
  const shown = (cents: number | null) => (cents === null ? '' : formatCents(cents).replace('€', '').trim());
  const [text, setText] = useState(shown(value));
  const parsed = text.trim() === '' ? null : parseEuroToCents(text);
  const invalid = text.trim() !== '' && (parsed === null || parsed < 0);
  return (
    <TextInput
      {...props}
      leftSection="€"
      inputMode="decimal"
      value={text}
      error={invalid ? 'vul een bedrag in, bijvoorbeeld 5,75' : error}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        const cents = next.trim() === '' ? null : parseEuroToCents(next);
        onChange(cents !== null && cents >= 0 ? cents : null);
      }}
      onBlur={() => {
        if (!invalid) setText(shown(parsed));
      }}
    />
  );
}
