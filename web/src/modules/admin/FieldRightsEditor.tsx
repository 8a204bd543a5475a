import { Accordion, Badge, Group, NativeSelect, Table, Text } from '@mantine/core';
import type { EntityDefinition } from '@/lib/metadata';
import type { FieldMode } from './adminApi';
import { fieldKey, type FieldModes } from './rightsMatrix';

type Choice = FieldMode | 'full';

const modeChoices: { value: Choice; label: string }[] = [
  { value: 'full', label: 'Full' },
  { value: 'read_only', label: 'Read only' },
  { value: 'hidden', label: 'Hidden' },
];

interface FieldRightsEditorProps {
  entities: readonly EntityDefinition[];
  modes: FieldModes;
  /** Field key (`account.credit_limit`) → the server's message for it. */
  errors: Record<string, string>;
  onChange: (modes: FieldModes) => void;
}

/** Per entity, each field's access for the role: full, read only or hidden. */
export function FieldRightsEditor({ entities, modes, errors, onChange }: FieldRightsEditorProps) {
  const set = (entity: string, field: string, choice: Choice) => {
    const others = { ...modes[entity] };
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a field's entry is removed for full access
    delete others[field];
    onChange({ ...modes, [entity]: choice === 'full' ? others : { ...others, [field]: choice } });
  };
  // Entities with errors open by themselves, so the message is seen.
  const withErrors = entities
    .filter((entity) => entity.fields.some((field) => errors[fieldKey(entity.name, field.field)] !== undefined))
    .map((entity) => entity.name);

  return (
    <Accordion multiple variant="contained" defaultValue={withErrors} key={withErrors.join(',')}>
      {entities.map((entity) => {
        const restricted = Object.keys(modes[entity.name] ?? {}).length;
        return (
          <Accordion.Item key={entity.name} value={entity.name}>
            <Accordion.Control aria-label={`${entity.label_plural} field rights`}>
              <Group gap="xs">
                <Text fw={600} size="sm">
                  {entity.label_plural}
                </Text>
                {restricted > 0 ? (
                  <Badge size="sm" variant="light">
                    {restricted} restricted
                  </Badge>
                ) : null}
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Table verticalSpacing={4} aria-label={`${entity.label_plural} field rights`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Field</Table.Th>
                    <Table.Th scope="col">Access</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {entity.fields.map((field) => {
                    const mode: Choice = modes[entity.name]?.[field.field] ?? 'full';
                    return (
                      <Table.Tr key={field.field}>
                        <Table.Td style={{ overflowWrap: 'anywhere' }}>
                          <Text size="sm">{field.label}</Text>
                        </Table.Td>
                        <Table.Td w={170}>
                          <NativeSelect
                            size="xs"
                            aria-label={`${entity.label_plural} ${field.label} access`}
                            data={modeChoices}
                            value={mode}
                            error={errors[fieldKey(entity.name, field.field)]}
                            onChange={(event) => {
                              set(entity.name, field.field, event.currentTarget.value as Choice);
                            }}
                          />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Accordion.Panel>
          </Accordion.Item>
        );
      })}
    </Accordion>
  );
}
