import type { UseFormReturnType } from '@mantine/form';
import type { ContractTermName } from '../../../../shared/contracts.ts';
import { fieldLabels } from '../../../../shared/field-labels.ts';
import type { EditorValues } from './contract-values.ts';

export type EditorForm = UseFormReturnType<EditorValues>;
export type Option = { value: string; label: string };

type TermOfType<T> = { [K in ContractTermName]: EditorValues[K] extends T ? K : never }[ContractTermName];
/** Terms held as a whole number or empty: amounts in cents and counts. */
type NumberTerm = TermOfType<number | null>;
type YesNoTerm = TermOfType<boolean>;

/**
 * The props that tie an input to one contract term: its value in the form, its error, its Dutch label and the
 * `data-path` a refusal from the main process points at.
 */
export function termProps(form: EditorForm) {
  const named = (name: ContractTermName) => ({ 'data-path': name, label: fieldLabels[name] });
  return {
    /** Text, a choice or a date, as the form holds it. */
    plain: (name: ContractTermName) => ({ ...form.getInputProps(name), ...named(name) }),
    /** An amount in cents, for EuroInput. */
    euro: (name: NumberTerm) => ({
      ...named(name),
      value: form.values[name],
      onChange: (cents: number | null) => form.setFieldValue(name, cents),
      error: form.errors[name],
    }),
    /** A whole number, for NumberInput: an emptied field is null, not 0. */
    count: (name: NumberTerm) => ({
      ...form.getInputProps(name),
      ...named(name),
      value: form.values[name] ?? '',
      onChange: (typed: string | number) => form.setFieldValue(name, typed === '' ? null : Number(typed)),
      min: 0,
      allowDecimal: false,
    }),
    /** A yes/no, for Checkbox or Switch. */
    yesNo: (name: YesNoTerm) => ({ ...form.getInputProps(name, { type: 'checkbox' }), ...named(name) }),
  };
}
