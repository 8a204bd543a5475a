import { Alert, Button, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconMail } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { DialogFooter } from '@/ui/DialogFooter';
import { emailDocument, type EmailAnswer } from './documentsApi';
import { emailErrorsFrom, emailRequest, type EmailErrors } from './emailForm';

interface EmailDialogProps {
  plural: string;
  id: string;
  /** "quotation", "invoice": how the dialog names the document. */
  noun: string;
  onSent: (answer: EmailAnswer) => void;
}

/** Sends the document's PDF to the customer (or to an address typed here) with an optional message. */
export function EmailDialog({ plural, id, noun, onSent }: EmailDialogProps) {
  const [opened, setOpened] = useState(false);
  const [to, setTo] = useState('');
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<EmailErrors>({});
  const send = useMutation({
    mutationFn: () => emailDocument(plural, id, emailRequest(to, message)),
    onSuccess: (answer) => {
      setOpened(false);
      onSent(answer);
    },
    onError: (error) => {
      setErrors(emailErrorsFrom(error));
    },
  });
  const close = () => {
    setOpened(false);
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setErrors({});
    send.mutate();
  };

  return (
    <>
      <Button
        variant="default"
        leftSection={<IconMail size={16} aria-hidden="true" />}
        onClick={() => {
          setTo('');
          setMessage('');
          setErrors({});
          send.reset();
          setOpened(true);
        }}
      >
        E-mail to customer
      </Button>
      <Modal opened={opened} onClose={close} title="E-mail to customer">
        <form onSubmit={submit} noValidate aria-label="E-mail to customer">
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              The {noun}&apos;s PDF is saved with its attachments and sent from the outbox.
            </Text>
            <TextInput
              label="To"
              type="email"
              autoComplete="email"
              placeholder="The customer's address"
              description="Leave empty to send it to the customer's address."
              value={to}
              error={errors.to}
              onChange={(event) => {
                setTo(event.currentTarget.value);
              }}
            />
            <Textarea
              label="Message"
              description="Above the PDF in the e-mail; optional."
              autosize
              minRows={3}
              maxLength={10000}
              value={message}
              error={errors.message}
              onChange={(event) => {
                setMessage(event.currentTarget.value);
              }}
            />
            {errors.general === undefined ? null : (
              <Alert color="red" variant="light" title="Not sent" role="alert">
                {errors.general}
              </Alert>
            )}
            <DialogFooter submitLabel="Send" pending={send.isPending} onCancel={close} />
          </Stack>
        </form>
      </Modal>
    </>
  );
}
