import { AppShell, Burger, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet } from 'react-router';
import { ProductMark } from '@/ui/ProductMark';
import { GlobalSearch } from './GlobalSearch';
import { NavigationSidebar } from './NavigationSidebar';
import { NotificationsButton } from './NotificationsButton';
import { UserMenu } from './UserMenu';

/** The signed-in workspace: header, navigation and the current page. */
export function AppFrame() {
  const [navigationOpen, navigation] = useDisclosure(false);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !navigationOpen } }}
      padding="md"
    >
      {/* Above the navigation, so the search results can overlap it. */}
      <AppShell.Header zIndex={110}>
        <Group h="100%" px="md" gap="sm" wrap="nowrap">
          <Burger
            opened={navigationOpen}
            onClick={navigation.toggle}
            hiddenFrom="sm"
            size="sm"
            aria-label={navigationOpen ? 'Close navigation' : 'Open navigation'}
            aria-expanded={navigationOpen}
            aria-controls="app-navigation"
          />
          <Link to="/" aria-label="Atrium home" style={{ color: 'inherit', textDecoration: 'none' }}>
            <ProductMark nameVisibleFrom="xs" />
          </Link>
          <GlobalSearch />
          <Group gap={4} wrap="nowrap" ml="auto">
            <NotificationsButton />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar id="app-navigation" aria-label="Main navigation" p="xs">
        <NavigationSidebar onNavigate={navigation.close} />
      </AppShell.Navbar>
      <AppShell.Main style={{ minWidth: 0 }}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
