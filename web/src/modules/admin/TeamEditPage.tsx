import { Alert, Button, Group, MultiSelect, Paper, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { isApiError } from '@/lib/api';
import { FullPageLoader } from '@/ui/FullPageLoader';
import { NotFoundPage } from '@/ui/NotFoundPage';
import { PageHeader } from '@/ui/PageHeader';
import { adminApi, adminKeys, useUsers, type Team, type TeamInput } from './adminApi';
import { ConfirmDeleteButton } from './ConfirmDeleteButton';
import { formErrorsFrom } from './formErrors';

/** `/admin/teams/new` and `/admin/teams/:id`: a team's name, description and members. */
export function TeamEditPage() {
  const { id = 'new' } = useParams();
  const creating = id === 'new';
  const team = useQuery({
    queryKey: adminKeys.team(id),
    queryFn: ({ signal }) => adminApi.getTeam(id, signal),
    enabled: !creating,
  });
  if (!creating && team.isPending) return <FullPageLoader label="Loading the team" />;
  if (!creating && team.isError) {
    return isApiError(team.error) && team.error.status === 404 ? (
      <NotFoundPage />
    ) : (
      <Alert color="red" variant="light" title="The team could not be loaded">
        {team.error.message}
      </Alert>
    );
  }
  return <TeamEditor key={id} team={creating ? undefined : team.data} />;
}

function TeamEditor({ team }: { team: Team | undefined }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const users = useUsers();
  const [name, setName] = useState(team?.name ?? '');
  const [description, setDescription] = useState(team?.description ?? '');
  const [members, setMembers] = useState<string[]>(team?.members ?? []);
  const [errors, setErrors] = useState<{ fields: Record<string, string>; general: string[] }>({ fields: {}, general: [] });
  const [saved, setSaved] = useState(location.state === 'created');

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: adminKeys.teams });
    void queryClient.invalidateQueries({ queryKey: adminKeys.users });
  };
  const save = useMutation({
    mutationFn: (input: TeamInput) => (team === undefined ? adminApi.createTeam(input) : adminApi.updateTeam(team.id, input)),
    onSuccess: (result) => {
      queryClient.setQueryData(adminKeys.team(result.id), result);
      refresh();
      setErrors({ fields: {}, general: [] });
      if (team === undefined) {
        void navigate(`/admin/teams/${encodeURIComponent(result.id)}`, { replace: true, state: 'created' });
      } else {
        setSaved(true);
      }
    },
    onError: (error) => {
      setSaved(false);
      setErrors(formErrorsFrom(error, ['name', 'description', 'members']));
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => adminApi.deleteTeam(id),
    onSuccess: () => {
      refresh();
      void navigate('/admin/teams', { replace: true });
    },
    onError: (error) => {
      setErrors(formErrorsFrom(error, []));
    },
  });

  const userChoices = (users.data ?? []).map((user) => ({
    value: user.id,
    label: user.name === '' ? user.username : `${user.name} (${user.username})`,
  }));

  return (
    <Stack gap="md" maw={720}>
      <PageHeader
        title={team === undefined ? 'New team' : team.name}
        back={{ to: '/admin/teams', label: 'Teams' }}
        actions={
          team === undefined ? null : (
            <ConfirmDeleteButton
              what={`the team “${team.name}”`}
              consequence="Its members stay; rights with the scope “team” no longer connect them."
              deleting={remove.isPending}
              onConfirm={() => {
                remove.mutate(team.id);
              }}
            />
          )
        }
      />
      {saved ? (
        <Alert color="green" variant="light" role="status" withCloseButton onClose={() => { setSaved(false); }}>
          {location.state === 'created' && save.isIdle ? 'The team was created.' : 'Saved.'}
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
          const input: TeamInput = { name: name.trim(), description: description.trim() === '' ? null : description.trim(), members };
          if (team !== undefined) input.version = team.version;
          save.mutate(input);
        }}
      >
        <Paper withBorder p="md">
          <Stack gap="md">
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
              minRows={2}
              value={description}
              error={errors.fields.description}
              onChange={(event) => {
                setDescription(event.currentTarget.value);
              }}
            />
            <MultiSelect
              label="Members"
              placeholder={members.length === 0 ? 'Nobody yet' : undefined}
              searchable
              data={userChoices}
              value={members}
              error={errors.fields.members}
              nothingFoundMessage="No user matches"
              onChange={setMembers}
            />
            <Group gap="sm">
              <Button type="submit" loading={save.isPending}>
                {team === undefined ? 'Create team' : 'Save'}
              </Button>
              <Button
                variant="default"
                onClick={() => {
                  void navigate('/admin/teams');
                }}
              >
                Cancel
              </Button>
            </Group>
          </Stack>
        </Paper>
      </form>
    </Stack>
  );
}
