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

/** A screen the account's role may not open (reached by a link or typed address): say so, show nothing else. */
export function NoAccess({ title }: { title: string }) {
  return (
    <Stack>
      <Title order={1} size="h2">
        {title}
      </Title>
      <Text>
        Je hebt geen toegang tot deze pagina. <Anchor href={href('/')}>Naar de startpagina</Anchor>
      </Text>
    </Stack>
  );
}
