import { Text } from '@mantine/core';

/**
 * PLACEHOLDER in the aanvragen branch only, so the request detail compiles: H2's verdeling branch owns this file
 * (ranked proposals, ticked ones sent to aanvragen.match) and replaces it at merge.
 */
export function MatchProposals(_props: { request: { id: string; version: number }; onPicked: () => void }) {
  return <Text c="dimmed">Voorstellen worden geladen…</Text>;
}
