import { Button, Group, Modal, Stack, Textarea, Tooltip } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '@/lib/api';
import type { EntityDefinition, TransitionDefinition } from '@/lib/metadata';
import { listTransitions, takeTransition, type EntityRecord } from '@/lib/records';
import { missingFields } from './transitionFields';
import { recordKeys } from './useEntity';

interface TransitionButtonsProps {
  entity: EntityDefinition;
  record: EntityRecord;
  onMessage: (message: { color: string; text: string } | undefined) => void;
}

/**
 * One button per transition of an entity with states. The server says which are open from
 * the current state (and why the others are not); the status itself is never edited.
 */
export function TransitionButtons({ entity, record, onMessage }: TransitionButtonsProps) {
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<TransitionDefinition | undefined>(undefined);
  const [values, setValues] = useState<Record<string, string>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const transitionsKey = [...recordKeys.detail(entity.plural, record.id), 'transitions', record.version] as const;
  const options = useQuery({
    queryKey: transitionsKey,
    queryFn: ({ signal }) => listTransitions(entity.plural, record.id, signal),
    enabled: entity.states !== undefined,
  });
  const take = useMutation({
    mutationFn: ({ step, fields }: { step: TransitionDefinition; fields: Record<string, unknown> }) =>
      takeTransition(entity.plural, record.id, step.name, record.version, fields),
    onSuccess: (updated, { step }) => {
      setAsking(undefined);
      setValues({});
      setFieldErrors({});
      queryClient.setQueryData(recordKeys.detail(entity.plural, record.id), updated);
      void queryClient.invalidateQueries({ queryKey: recordKeys.all(entity.plural) });
      onMessage({ color: 'green', text: `${step.label}: done.` });
    },
    onError: (error) => {
      if (isApiError(error) && error.fields.length > 0) {
        setFieldErrors(Object.fromEntries(error.fields.map((field) => [field.field, field.message])));
      }
      onMessage({ color: 'red', text: error.message });
    },
  });

  if (entity.states === undefined || options.data === undefined) {
    return null;
  }
  const steps = entity.states.transitions;
  const labelOf = (name: string) => entity.fields.find((field) => field.name === name)?.label ?? name;

  return (
    <>
      <Group gap="xs" aria-label="Transitions" role="group">
        {options.data.data.map((option) => {
          const step = steps.find((candidate) => candidate.name === option.name);
          if (step === undefined || (!option.allowed && option.reason?.code === 'ILLEGAL_TRANSITION')) {
            return null;
          }
          const button = (
            <Button
              key={option.name}
              variant="light"
              disabled={!option.allowed}
              loading={take.isPending && take.variables.step.name === option.name}
              onClick={() => {
                onMessage(undefined);
                if (missingFields(step, record).length > 0) {
                  setAsking(step);
                } else {
                  take.mutate({ step, fields: {} });
                }
              }}
            >
              {option.label}
            </Button>
          );
          return option.allowed ? (
            button
          ) : (
            <Tooltip key={option.name} label={option.reason?.message ?? 'Not open to you'}>
              <span>{button}</span>
            </Tooltip>
          );
        })}
      </Group>
      <Modal opened={asking !== undefined} onClose={() => { setAsking(undefined); }} title={asking?.label ?? ''}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (asking !== undefined) {
              take.mutate({ step: asking, fields: values });
            }
          }}
        >
          <Stack>
            {missingFields(asking, record).map((name) => (
              <Textarea
                key={name}
                label={labelOf(name)}
                required
                autosize
                minRows={2}
                value={values[name] ?? ''}
                error={fieldErrors[name]}
                onChange={(event) => { setValues({ ...values, [name]: event.currentTarget.value }); }}
              />
            ))}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => { setAsking(undefined); }}>
                Cancel
              </Button>
              <Button type="submit" loading={take.isPending}>
                {asking?.label ?? 'Save'}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
