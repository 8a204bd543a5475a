import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { isApiError } from '@/lib/api';
import { useMetadata, type EntityDefinition } from '@/lib/metadata';
import { FullPageLoader } from '@/ui/FullPageLoader';
import { NotFoundPage } from '@/ui/NotFoundPage';
import { PageHeader } from '@/ui/PageHeader';
import { adminApi, adminKeys, type Role, type RoleInput } from './adminApi';
import { ConfirmDeleteButton } from './ConfirmDeleteButton';
import { FieldRightsEditor } from './FieldRightsEditor';
import { RightsMatrix } from './RightsMatrix';
import {
  fieldRightsToModes,
  matrixToRights,
  modesToFieldRights,
  noRoleErrors,
  rightsToMatrix,
  roleErrorsFrom,
  type FieldModes,
  type Matrix,
  type RoleErrors,
} from './rightsMatrix';

/** `/admin/roles/new` and `/admin/roles/:id`: a role's name, rights matrix and field rights. */
export function RoleEditPage() {
  const { id = 'new' } = useParams();
  const creating = id === 'new';
  const metadata = useMetadata();
  const role = useQuery({
    queryKey: adminKeys.role(id),
    queryFn: ({ signal }) => adminApi.getRole(id, signal),
    enabled: !creating,
  });
  if (metadata.isPending || (!creating && role.isPending)) return <FullPageLoader label="Loading the role" />;
  if (!creating && role.isError) {
    return isApiError(role.error) && role.error.status === 404 ? (
      <NotFoundPage />
    ) : (
      <Alert color="red" variant="light" title="The role could not be loaded">
        {role.error.message}
      </Alert>
    );
  }
  return <RoleEditor key={id} role={creating ? undefined : role.data} entities={metadata.data?.entities ?? []} />;
}

function RoleEditor({ role, entities }: { role: Role | undefined; entities: EntityDefinition[] }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [name, setName] = useState(role?.name ?? '');
  const [description, setDescription] = useState(role?.description ?? '');
  const [matrix, setMatrix] = useState<Matrix>(() => rightsToMatrix(role?.rights ?? []));
  const [modes, setModes] = useState<FieldModes>(() => fieldRightsToModes(role?.field_rights ?? []));
  const [errors, setErrors] = useState<RoleErrors>(noRoleErrors);
  const [saved, setSaved] = useState(location.state === 'created');
  const entityNames = entities.map((entity) => entity.name);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: adminKeys.roles });
    void queryClient.invalidateQueries({ queryKey: adminKeys.users });
  };
  const save = useMutation({
    mutationFn: ({ input }: { input: RoleInput; cells: string[]; keys: string[] }) =>
      role === undefined ? adminApi.createRole(input) : adminApi.updateRole(role.id, input),
    onSuccess: (result) => {
      queryClient.setQueryData(adminKeys.role(result.id), result);
      refresh();
      setErrors(noRoleErrors);
      if (role === undefined) {
        void navigate(`/admin/roles/${encodeURIComponent(result.id)}`, { replace: true, state: 'created' });
      } else {
        setSaved(true);
      }
    },
    onError: (error, { cells, keys }) => {
      setSaved(false);
      setErrors(roleErrorsFrom(error, cells, keys));
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => adminApi.deleteRole(id),
    onSuccess: () => {
      refresh();
      void navigate('/admin/roles', { replace: true });
    },
    onError: (error) => {
      setErrors(roleErrorsFrom(error, [], []));
    },
  });

  const cellErrors = Object.keys(errors.cells).length + Object.keys(errors.fieldRights).length;

  return (
    <Stack gap="md">
      <PageHeader
        title={role === undefined ? 'New role' : role.name}
        back={{ to: '/admin/roles', label: 'Roles' }}
        actions={
          role === undefined ? null : (
            <ConfirmDeleteButton
              what={`the role “${role.name}”`}
              consequence={`${String(role.users.length)} ${role.users.length === 1 ? 'user loses' : 'users lose'} the rights of this role at once.`}
              deleting={remove.isPending}
              onConfirm={() => {
                remove.mutate(role.id);
              }}
            />
          )
        }
      />
      {saved ? (
        <Alert color="green" variant="light" role="status" withCloseButton onClose={() => { setSaved(false); }}>
          {location.state === 'created' && save.isIdle ? 'The role was created.' : 'Saved.'}
        </Alert>
      ) : null}
      {errors.general.length > 0 || cellErrors > 0 ? (
        <Alert color="red" variant="light" role="alert" title="Not saved">
          {errors.general.map((line) => (
            <div key={line}>{line}</div>
          ))}
          {cellErrors > 0 ? <div>Some rights are not valid; the marked cells say why.</div> : null}
        </Alert>
      ) : null}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          const { rights, cells } = matrixToRights(matrix, entityNames);
          const { fieldRights, keys } = modesToFieldRights(modes, entityNames);
          const input: RoleInput = {
            name: name.trim(),
            description: description.trim() === '' ? null : description.trim(),
            rights,
            field_rights: fieldRights,
          };
          if (role !== undefined) input.version = role.version;
          save.mutate({ input, cells, keys });
        }}
      >
        <Stack gap="md">
          <Paper withBorder p="md" maw={880}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label="Name"
                required
                value={name}
                error={errors.fields.name}
                onChange={(event) => {
                  setName(event.currentTarget.value);
                }}
              />
              <Textarea
                label="Description"
                autosize
                minRows={1}
                value={description}
                error={errors.fields.description}
                onChange={(event) => {
                  setDescription(event.currentTarget.value);
                }}
              />
            </SimpleGrid>
          </Paper>
          <Stack gap={4} component="section" aria-labelledby="rights-title">
            <Title order={2} size="h4" id="rights-title">
              Rights
            </Title>
            <Text size="sm" c="dimmed">
              What the role may do with each kind of record: all records, those of the user’s teams, the user’s own
              (and their subordinates’), or those a rule on link fields selects, such as{' '}
              <code>area in user.areas and product_group in user.product_groups</code>.
            </Text>
            <RightsMatrix entities={entities} matrix={matrix} errors={errors.cells} onChange={setMatrix} />
          </Stack>
          <Stack gap={4} component="section" aria-labelledby="field-rights-title" maw={880}>
            <Title order={2} size="h4" id="field-rights-title">
              Field rights
            </Title>
            <Text size="sm" c="dimmed">
              Fields this role may not change (read only) or not see at all (hidden). Hidden fields are left out of
              every answer, list and export.
            </Text>
            <FieldRightsEditor entities={entities} modes={modes} errors={errors.fieldRights} onChange={setModes} />
          </Stack>
          <Group gap="sm">
            <Button type="submit" loading={save.isPending}>
              {role === undefined ? 'Create role' : 'Save'}
            </Button>
            <Button
              variant="default"
              onClick={() => {
                void navigate('/admin/roles');
              }}
            >
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
