import { Alert, Badge, Button, Checkbox, Group, List, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  IconBookmark,
  IconCheck,
  IconChevronDown,
  IconDeviceFloppy,
  IconList,
  IconPencil,
  IconStar,
  IconStarOff,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { isApiError } from '@/lib/api';
import type { EntityDefinition } from '@/lib/metadata';
import type { ListParams } from './listParams';
import {
  createView,
  deleteView,
  differsFromView,
  listOfView,
  updateView,
  viewKeys,
  viewOfList,
  type SavedView,
} from './savedViews';

export interface ListMessage {
  color: string;
  text: string;
}

interface SavedViewMenuProps {
  entity: EntityDefinition;
  /** The user's views of the entity; undefined while loading or when they could not be read. */
  views: SavedView[] | undefined;
  state: ListParams;
  /** The columns shown, in order. */
  columns: string[];
  /** Opens the list in this state. */
  onApply: (next: ListParams) => void;
  onMessage: (message: ListMessage | undefined) => void;
}

type Dialog = { kind: 'save' } | { kind: 'rename'; view: SavedView } | { kind: 'delete'; view: SavedView };

const PROPERTY_LABELS: Record<string, string> = {
  filter: 'Filter',
  sort: 'Sort',
  columns: 'Columns',
  entity: 'List',
};

/** The views control of a list: open one, save the list as a view, and manage the current one. */
export function SavedViewMenu({ entity, views, state, columns, onApply, onMessage }: SavedViewMenuProps) {
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog | undefined>();
  const current = views?.find((view) => view.id === state.view);
  const changed = current !== undefined && differsFromView(entity, current, state, columns);
  const refresh = () => queryClient.invalidateQueries({ queryKey: viewKeys.list(entity.plural) });

  const change = useMutation({
    mutationFn: ({ view, changes }: { view: SavedView; changes: Parameters<typeof updateView>[1]; done: string }) =>
      updateView(view.id, { ...changes, version: view.version }),
    onSuccess: async (_view, { done }) => {
      await refresh();
      onMessage({ color: 'green', text: done });
    },
    onError: async (error) => {
      await refresh();
      onMessage({
        color: 'red',
        text: isApiError(error) && error.code === 'VERSION_CONFLICT'
          ? 'The view was changed elsewhere in the meantime. It has been reloaded; try again.'
          : `The view could not be changed: ${error.message}`,
      });
    },
  });

  const open = (view: SavedView) => {
    onMessage(undefined);
    onApply(listOfView(entity, view, state.archived));
  };

  const label = current === undefined ? 'Views' : `View: ${current.name}${changed ? ' (changed)' : ''}`;
  return (
    <>
      <Menu position="bottom-start" shadow="md" width={280}>
        <Menu.Target>
          <Button
            variant={current === undefined ? 'default' : 'light'}
            leftSection={<IconBookmark size={16} aria-hidden="true" />}
            rightSection={<IconChevronDown size={14} aria-hidden="true" />}
            title={label}
            maw="100%"
            styles={{ inner: { minWidth: 0 }, label: { minWidth: 0, overflow: 'hidden' } }}
          >
            <Text span inherit truncate="end">
              {label}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Your views of {entity.label_plural.toLowerCase()}</Menu.Label>
          {views === undefined ? (
            <Menu.Item disabled>Views are not available</Menu.Item>
          ) : views.length === 0 ? (
            <Menu.Item disabled>No saved views yet</Menu.Item>
          ) : (
            views.map((view) => (
              <Menu.Item
                key={view.id}
                aria-current={view.id === current?.id ? 'true' : undefined}
                leftSection={
                  view.id === current?.id ? <IconCheck size={16} aria-hidden="true" /> : <span style={{ width: 16 }} />
                }
                rightSection={view.is_default ? <Badge size="xs" variant="light">Default</Badge> : null}
                onClick={() => {
                  open(view);
                }}
              >
                <Text size="sm" truncate="end">
                  {view.name}
                </Text>
              </Menu.Item>
            ))
          )}
          <Menu.Item
            leftSection={<IconList size={16} aria-hidden="true" />}
            onClick={() => {
              onMessage(undefined);
              onApply({ search: '', sort: [], rows: [], filter: '', archived: state.archived, columns: undefined, view: 'none' });
            }}
          >
            All {entity.label_plural.toLowerCase()}, no view
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item
            leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />}
            onClick={() => {
              setDialog({ kind: 'save' });
            }}
          >
            Save view as…
          </Menu.Item>
          {current === undefined ? null : (
            <>
              <Menu.Label>
                <Text size="xs" c="dimmed" truncate="end">
                  {current.name}
                </Text>
              </Menu.Label>
              <Menu.Item
                leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />}
                disabled={!changed}
                onClick={() => {
                  change.mutate({
                    view: current,
                    changes: viewOfList(entity, state, columns),
                    done: `The view “${current.name}” now shows this list.`,
                  });
                }}
              >
                Update view with this list
              </Menu.Item>
              <Menu.Item
                leftSection={<IconPencil size={16} aria-hidden="true" />}
                onClick={() => {
                  setDialog({ kind: 'rename', view: current });
                }}
              >
                Rename view…
              </Menu.Item>
              <Menu.Item
                leftSection={current.is_default ? <IconStarOff size={16} aria-hidden="true" /> : <IconStar size={16} aria-hidden="true" />}
                onClick={() => {
                  change.mutate({
                    view: current,
                    changes: { is_default: !current.is_default },
                    done: current.is_default
                      ? `“${current.name}” is no longer your default view.`
                      : `“${current.name}” opens when you open ${entity.label_plural.toLowerCase()}.`,
                  });
                }}
              >
                {current.is_default ? 'Stop opening by default' : 'Make default view'}
              </Menu.Item>
              <Menu.Item
                color="red"
                leftSection={<IconTrash size={16} aria-hidden="true" />}
                onClick={() => {
                  setDialog({ kind: 'delete', view: current });
                }}
              >
                Delete view…
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      {dialog?.kind === 'save' ? (
        <ViewNameDialog
          title="Save view"
          submitLabel="Save view"
          withDefault
          initialName=""
          onClose={() => {
            setDialog(undefined);
          }}
          submit={async ({ name, isDefault }) => {
            const view = await createView({
              entity: entity.plural,
              name,
              is_default: isDefault,
              ...viewOfList(entity, state, columns),
            });
            await refresh();
            onApply({ ...state, columns, view: view.id });
            onMessage({ color: 'green', text: `Saved the view “${view.name}”.` });
          }}
        />
      ) : null}
      {dialog?.kind === 'rename' ? (
        <ViewNameDialog
          title="Rename view"
          submitLabel="Rename"
          withDefault={false}
          initialName={dialog.view.name}
          onClose={() => {
            setDialog(undefined);
          }}
          submit={async ({ name }) => {
            try {
              await updateView(dialog.view.id, { name, version: dialog.view.version });
            } finally {
              await refresh();
            }
            onMessage({ color: 'green', text: `Renamed the view to “${name}”.` });
          }}
        />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <DeleteViewDialog
          view={dialog.view}
          onClose={() => {
            setDialog(undefined);
          }}
          onDeleted={async () => {
            await refresh();
            // The list stays as it is, no longer as the view.
            if (state.view === dialog.view.id) onApply({ ...state, columns, view: 'none' });
            onMessage({ color: 'green', text: `Deleted the view “${dialog.view.name}”.` });
          }}
        />
      ) : null}
    </>
  );
}

interface ViewNameDialogProps {
  title: string;
  submitLabel: string;
  withDefault: boolean;
  initialName: string;
  onClose: () => void;
  /** Resolves when saved; rejects with the server's error, shown in the dialog. */
  submit: (values: { name: string; isDefault: boolean }) => Promise<void>;
}

/** Asks for a view's name (and whether it opens by default); shows the server's field errors. */
function ViewNameDialog({ title, submitLabel, withDefault, initialName, onClose, submit }: ViewNameDialogProps) {
  const [name, setName] = useState(initialName);
  const [isDefault, setIsDefault] = useState(false);
  const [nameError, setNameError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: submit,
    onSuccess: onClose,
  });
  const error = save.error;
  const fieldErrors = isApiError(error) ? error.fields.filter((field) => field.field !== 'name') : [];
  const serverNameError = isApiError(error) ? error.fieldMessage('name') : undefined;

  const onSubmit = () => {
    const trimmed = name.trim();
    if (trimmed === '') {
      setNameError('Enter a name for the view.');
      return;
    }
    setNameError(undefined);
    save.mutate({ name: trimmed, isDefault });
  };

  return (
    <Modal opened onClose={onClose} title={title} centered>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label="Name"
            required
            maxLength={100}
            data-autofocus
            value={name}
            error={nameError ?? (serverNameError === undefined ? undefined : nameMessage(error, serverNameError))}
            onChange={(event) => {
              setName(event.currentTarget.value);
            }}
          />
          {withDefault ? (
            <Checkbox
              label="Open this view when I open the list"
              checked={isDefault}
              onChange={(event) => {
                setIsDefault(event.currentTarget.checked);
              }}
            />
          ) : null}
          {error === null || (serverNameError !== undefined && fieldErrors.length === 0) ? null : (
            <Alert color="red" variant="light" role="alert" title="The view was not saved">
              {fieldErrors.length === 0 ? (
                error.message
              ) : (
                <List size="sm" spacing={2}>
                  {fieldErrors.map((field) => (
                    <List.Item key={`${field.field}:${field.code}`}>
                      {PROPERTY_LABELS[field.field] ?? field.field}: {fieldProblem(field.code, field.message)}
                    </List.Item>
                  ))}
                </List>
              )}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function nameMessage(error: unknown, message: string): string {
  if (isApiError(error) && error.fields.some((field) => field.field === 'name' && field.code === 'UNIQUE_VIOLATION')) {
    return 'You already have a view of this name.';
  }
  return message;
}

/** The server's message, with a plainer sentence for the codes a user meets. */
function fieldProblem(code: string, message: string): string {
  if (code === 'FIELD_HIDDEN') return `it uses a field you may not see (${message}).`;
  if (code === 'FILTER_INVALID') return `not a valid filter (${message}).`;
  if (code === 'SORT_INVALID') return `not a valid sort (${message}).`;
  if (code === 'UNKNOWN_FIELD') return `names a field that does not exist (${message}).`;
  return message;
}

function DeleteViewDialog({ view, onClose, onDeleted }: { view: SavedView; onClose: () => void; onDeleted: () => Promise<void> }) {
  const remove = useMutation({
    mutationFn: async () => {
      await deleteView(view.id);
      await onDeleted();
    },
    onSuccess: onClose,
  });
  return (
    <Modal opened onClose={onClose} title={`Delete the view “${view.name}”?`} centered>
      <Text size="sm">The view is deleted for good; the list itself and its records stay as they are.</Text>
      {remove.error === null ? null : (
        <Alert color="red" variant="light" role="alert" mt="sm">
          {remove.error.message}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm" mt="md">
        <Button variant="default" onClick={onClose}>
          Keep
        </Button>
        <Button
          color="red"
          loading={remove.isPending}
          onClick={() => {
            remove.mutate();
          }}
        >
          Delete view
        </Button>
      </Group>
    </Modal>
  );
}
