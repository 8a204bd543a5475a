import { Alert, Anchor, Badge, Button, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '@/ui/EmptyState';
import { PageHeader } from '@/ui/PageHeader';
import { useTemplates } from './templatesApi';

/** `/admin/templates`: the message templates rules and people send. */
export function TemplatesPage() {
  const templates = useTemplates();
  return (
    <Stack gap="md">
      <PageHeader
        title="Templates"
        back={{ to: '/admin', label: 'Administration' }}
        actions={
          <Button component={Link} to="/admin/templates/new" leftSection={<IconPlus size={16} aria-hidden="true" />}>
            New template
          </Button>
        }
      />
      {templates.isError ? (
        <Alert color="red" variant="light" title="The templates could not be loaded">
          {templates.error.message}
        </Alert>
      ) : templates.isPending ? (
        <Text size="sm" c="dimmed" role="status">
          Loading…
        </Text>
      ) : templates.data.length === 0 ? (
        <EmptyState title="No templates yet">
          A template merges a record into an e-mail or a text: {'{{ account.name }}'}, conditions and lists.
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={320} type="native">
          <Table striped="even" verticalSpacing="xs" aria-label="Templates">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Records</Table.Th>
                <Table.Th>Subject</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {templates.data.map((template) => (
                <Table.Tr key={template.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/templates/${encodeURIComponent(template.id)}`} size="sm" fw={600}>
                      {template.name}
                    </Anchor>{' '}
                    <Badge color={template.channel === 'email' ? 'blue' : 'gray'}>{template.channel === 'email' ? 'E-mail' : 'Text'}</Badge>
                  </Table.Td>
                  <Table.Td>{template.entity}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{template.subject}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
