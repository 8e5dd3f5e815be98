import { Box, List, Paper, Table, Text, Title } from '@mantine/core';
import type { Block, DocumentModel } from '../../../shared/document-model.ts';

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'heading':
      return (
        <Text fw={600} size="sm" mt="xs">
          {block.text}
        </Text>
      );
    case 'paragraph':
      return <Text size="sm">{block.text}</Text>;
    case 'bullets':
      return (
        <List size="sm" spacing={2}>
          {block.items.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
        </List>
      );
    case 'facts':
      return (
        <Table withRowBorders={false} verticalSpacing={2} fz="sm">
          <Table.Tbody>
            {block.rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Td w="38%" c="dimmed">
                  {label}
                </Table.Td>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      );
    case 'notice':
      return (
        <Text size="sm" bg="yellow.0" p="xs">
          {block.text}
        </Text>
      );
    case 'chart':
      return (
        <img
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(block.svg)}`}
          alt={block.title}
          width={block.width}
        />
      );
    case 'table':
      return (
        <Table verticalSpacing={2} fz="sm">
          <Table.Thead>
            <Table.Tr>
              {block.header.map((h, i) => (
                <Table.Th key={h} ta={i === 0 ? 'left' : 'right'}>
                  {h}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {block.rows.map((row) => (
              <Table.Tr key={row.join('|')}>
                {row.map((v, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the columns of a row are fixed
                  <Table.Td key={i} ta={i === 0 ? 'left' : 'right'}>
                    {v}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      );
  }
}

/** The same document model the PDF is printed from, shown on screen while drafting. */
export function DocumentPreview({ model }: { model: DocumentModel }) {
  return (
    <Paper
      withBorder
      p="lg"
      pos="relative"
      aria-label="Voorbeeld van het document"
      style={{ overflow: 'hidden' }}
    >
      {model.watermark && (
        <Text
          aria-hidden
          pos="absolute"
          top="35%"
          left="10%"
          fz={72}
          fw={700}
          c="gray.2"
          style={{ transform: 'rotate(-30deg)', pointerEvents: 'none', zIndex: 0 }}
        >
          {model.watermark}
        </Text>
      )}
      <Box pos="relative" style={{ zIndex: 1 }}>
        <Text size="xs" c="dimmed">
          {[model.organisation.name, ...model.organisation.addressLines].join(' · ')}
        </Text>
        <Title order={2} size="h3" mt="sm">
          {model.title}
        </Title>
        {model.subtitle && <Text size="sm">{model.subtitle}</Text>}
        {model.sections.map((section, i) => (
          <Box key={section.title} mt="md">
            <Text fw={700} size="sm">
              {model.numberSections ? `Artikel ${i + 1} ` : ''}
              {section.title}
            </Text>
            {section.blocks.map((block, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no identity beyond their position.
              <BlockView key={j} block={block} />
            ))}
          </Box>
        ))}
        {model.signatories.length > 0 && (
          <Box mt="lg" style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 24 }}>
            {model.signatories.map((s) => (
              <Box key={s.role}>
                <Text size="sm" fw={600}>
                  {s.role}
                </Text>
                <Text size="sm">{s.name}</Text>
                <Text size="xs" c="dimmed" mt="lg">
                  Handtekening, plaats en datum
                </Text>
              </Box>
            ))}
          </Box>
        )}
        <Text size="xs" c="dimmed" mt="md">
          {model.footer}
        </Text>
      </Box>
    </Paper>
  );
}
