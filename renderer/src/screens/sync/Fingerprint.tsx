import { Text } from '@mantine/core';
import { Fragment } from 'react';

/**
 * 32 hex pairs in monospace with colons between them, as the server prints it (whether or not the stored value has
 * them), broken over lines only after a colon, so each pair stays whole.
 */
export function Fingerprint({ value }: { value: string }) {
  const pairs =
    value
      .replace(/[\s:]/g, '')
      .toUpperCase()
      .match(/.{1,2}/g) ?? [];
  return (
    <Text span ff="monospace" size="sm">
      {pairs.map((pair, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the pairs are fixed text, never reordered.
        <Fragment key={i}>
          {pair}
          {i < pairs.length - 1 && (
            <>
              :<wbr />
            </>
          )}
        </Fragment>
      ))}
    </Text>
  );
}
