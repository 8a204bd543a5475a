import { Anchor, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { EntityDefinition } from '@/lib/metadata';
import { recordSlots } from '@/lib/recordSlots';
import { createRecord } from '@/lib/records';
import { FullPageLoader } from '@/ui/FullPageLoader';
import { NotFoundPage } from '@/ui/NotFoundPage';
import { defaultValues, errorsFrom, filledValues, noErrors, type FormErrors } from './formState';
import { RecordForm } from './RecordForm';
import { recordKeys, useEntity } from './useEntity';

/** `/:plural/new`: the same form as editing, starting from the definition's defaults. */
export function CreatePage() {
  const { plural } = useParams();
  const { status, entity } = useEntity(plural);
  if (status === 'pending') return <FullPageLoader label="Loading the definitions" />;
  if (entity === undefined) return <NotFoundPage />;
  return <CreateForm key={entity.name} entity={entity} />;
}

function CreateForm({ entity }: { entity: EntityDefinition }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  // The values as typed, for what other modules show beside the form (possible duplicates).
  const [draft, setDraft] = useState<Record<string, unknown>>({});
  const create = useMutation({
    mutationFn: (values: Record<string, unknown>) => createRecord(entity.plural, filledValues(entity, values)),
    onSuccess: (created) => {
      queryClient.setQueryData(recordKeys.detail(entity.plural, created.id), created);
      void queryClient.invalidateQueries({ queryKey: [...recordKeys.all(entity.plural), 'list'] });
      void navigate(`/${entity.plural}/${encodeURIComponent(created.id)}`, { replace: true });
    },
    onError: (error) => {
      setErrors(errorsFrom(error, entity));
    },
  });

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/${entity.plural}`} size="sm">
        ← {entity.label_plural}
      </Anchor>
      <Title order={1}>New {entity.label.toLowerCase()}</Title>
      <RecordForm
        entity={entity}
        initial={defaultValues(entity)}
        errors={errors}
        saving={create.isPending}
        submitLabel={`Create ${entity.label.toLowerCase()}`}
        onValuesChange={setDraft}
        notice={recordSlots('createForm').map((Slot, index) => (
          <Slot key={index} entity={entity} values={draft} />
        ))}
        onSubmit={(values) => {
          create.mutate(values);
        }}
        onCancel={() => {
          void navigate(-1);
        }}
      />
    </Stack>
  );
}
