import { Anchor, Stack, Text, Title } from '@mantine/core';
import { href } from '../lib/route.ts';

export function NotFound() {
  return (
    <Stack>
      <Title order={1} size="h2">
        Pagina niet gevonden
      </Title>
      <Text>
        Deze pagina bestaat niet. <Anchor href={href('/personen')}>Naar de sleutelpersonen</Anchor>
      </Text>
    </Stack>
  );
}
