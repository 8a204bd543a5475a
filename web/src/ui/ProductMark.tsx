import { Group, Text, type MantineBreakpoint } from '@mantine/core';

export const PRODUCT_NAME = 'Atrium';

interface ProductMarkProps {
  /** `large` for the sign-in screen, `compact` for the application header. */
  size?: 'large' | 'compact';
  /** Shows the name only from this breakpoint up, leaving narrow screens the logo alone. */
  nameVisibleFrom?: MantineBreakpoint;
}

/** The product's logo and name. */
export function ProductMark({ size = 'compact', nameVisibleFrom }: ProductMarkProps) {
  const large = size === 'large';
  return (
    <Group gap={large ? 'sm' : 6} wrap="nowrap" style={{ minWidth: 0 }}>
      <AtriumLogo size={large ? 36 : 26} />
      <Text
        component="span"
        fw={700}
        fz={large ? 28 : 'lg'}
        lh={1}
        {...(nameVisibleFrom === undefined ? {} : { visibleFrom: nameVisibleFrom })}
        style={{ letterSpacing: '-0.01em', whiteSpace: 'nowrap' }}
      >
        {PRODUCT_NAME}
      </Text>
    </Group>
  );
}

function AtriumLogo({ size }: { size: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--mantine-primary-color-filled)" />
      <path d="M16 6 7 26h4.2l1.8-4.2h6l1.8 4.2H25L16 6Zm0 7.4 2.1 5.1h-4.2L16 13.4Z" fill="#fff" />
    </svg>
  );
}
