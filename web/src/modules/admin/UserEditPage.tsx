import { Alert, Button, Group, Stack } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { isApiError } from '@/lib/api';
import { FullPageLoader } from '@/ui/FullPageLoader';
import { NotFoundPage } from '@/ui/NotFoundPage';
import { PageHeader } from '@/ui/PageHeader';
import { adminApi, adminKeys, useScopeAttributes, type AdminUser } from './adminApi';
import { formErrorsFrom } from './formErrors';
import { UserForm } from './UserForm';
import { newUserValues, userFormFields, userToValues, valuesToInput, type UserFormValues } from './userForm';

/** `/admin/users/new` and `/admin/users/:id`: create or change a user. */
export function UserEditPage() {
  const { id = 'new' } = useParams();
  const creating = id === 'new';
  const user = useQuery({
    queryKey: adminKeys.user(id),
    queryFn: ({ signal }) => adminApi.getUser(id, signal),
    enabled: !creating,
  });
  const attributes = useScopeAttributes();

  if (attributes.isPending || (!creating && user.isPending)) return <FullPageLoader label="Loading the user" />;
  if (!creating && user.isError) {
    return isApiError(user.error) && user.error.status === 404 ? (
      <NotFoundPage />
    ) : (
      <Alert color="red" variant="light" title="The user could not be loaded">
        {user.error.message}
      </Alert>
    );
  }
  return (
    <UserEditor
      key={id}
      user={creating ? undefined : user.data}
      attributeNames={(attributes.data ?? []).map((attribute) => attribute.name)}
    />
  );
}

function UserEditor({ user, attributeNames }: { user: AdminUser | undefined; attributeNames: string[] }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [values, setValues] = useState<UserFormValues>(user === undefined ? newUserValues : userToValues(user));
  const [errors, setErrors] = useState<{ fields: Record<string, string>; general: string[] }>({ fields: {}, general: [] });
  const [saved, setSaved] = useState(location.state === 'created');

  const save = useMutation({
    mutationFn: (input: ReturnType<typeof valuesToInput>) =>
      user === undefined ? adminApi.createUser(input) : adminApi.updateUser(user.id, input),
    onSuccess: (result) => {
      queryClient.setQueryData(adminKeys.user(result.id), result);
      void queryClient.invalidateQueries({ queryKey: adminKeys.users, exact: true });
      void queryClient.invalidateQueries({ queryKey: adminKeys.teams });
      void queryClient.invalidateQueries({ queryKey: adminKeys.roles });
      setErrors({ fields: {}, general: [] });
      if (user === undefined) {
        void navigate(`/admin/users/${encodeURIComponent(result.id)}`, { replace: true, state: 'created' });
      } else {
        setSaved(true);
      }
    },
    onError: (error) => {
      setSaved(false);
      setErrors(formErrorsFrom(error, [...userFormFields, ...attributeNames.map((name) => `attributes.${name}`)]));
    },
  });

  return (
    <Stack gap="md" maw={880}>
      <PageHeader
        title={user === undefined ? 'New user' : user.name === '' ? user.username : user.name}
        back={{ to: '/admin/users', label: 'Users' }}
      />
      {saved ? (
        <Alert color="green" variant="light" role="status" withCloseButton onClose={() => { setSaved(false); }}>
          {location.state === 'created' && save.isIdle ? 'The user was created.' : 'Saved.'}
        </Alert>
      ) : null}
      {errors.general.length > 0 ? (
        <Alert color="red" variant="light" role="alert" title="Not saved">
          {errors.general.map((line) => (
            <div key={line}>{line}</div>
          ))}
        </Alert>
      ) : null}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          save.mutate(valuesToInput(values, attributeNames, user));
        }}
      >
        <Stack gap="md">
          <UserForm
            creating={user === undefined}
            userId={user?.id}
            values={values}
            errors={errors.fields}
            onChange={(change) => {
              setValues((current) => ({ ...current, ...change }));
            }}
          />
          <Group gap="sm">
            <Button type="submit" loading={save.isPending}>
              {user === undefined ? 'Create user' : 'Save'}
            </Button>
            <Button
              variant="default"
              onClick={() => {
                void navigate('/admin/users');
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
