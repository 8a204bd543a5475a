import type { RouteObject } from 'react-router';
import { FullPageLoader } from '@/ui/FullPageLoader';
import { NotFoundPage } from '@/ui/NotFoundPage';
import { RequireSession } from './RequireSession';
import { RouteErrorPage } from './RouteErrorPage';

// Every page is its own chunk, so the first load carries only what the login screen needs.
export const routes: RouteObject[] = [
  {
    path: '/',
    HydrateFallback: FullPageLoader,
    ErrorBoundary: RouteErrorPage,
    children: [
      {
        path: 'login',
        lazy: async () => ({ Component: (await import('@/modules/auth/LoginPage')).LoginPage }),
      },
      {
        Component: RequireSession,
        children: [
          {
            lazy: async () => ({ Component: (await import('@/modules/shell/AppFrame')).AppFrame }),
            children: [
              {
                index: true,
                lazy: async () => ({ Component: (await import('@/modules/home/HomePage')).HomePage }),
              },
              {
                path: 'search',
                lazy: async () => ({
                  Component: (await import('@/modules/search/SearchPage')).SearchPage,
                }),
              },
              {
                path: 'security',
                lazy: async () => ({
                  Component: (await import('@/modules/auth/SecurityPage')).SecurityPage,
                }),
              },
              {
                path: ':plural',
                lazy: async () => ({ Component: (await import('@/modules/records/ListPage')).ListPage }),
              },
              {
                path: ':plural/new',
                lazy: async () => ({
                  Component: (await import('@/modules/records/CreatePage')).CreatePage,
                }),
              },
              {
                path: ':plural/:id',
                lazy: async () => ({
                  Component: (await import('@/modules/records/RecordPage')).RecordPage,
                }),
              },
              { path: '*', Component: NotFoundPage },
            ],
          },
        ],
      },
    ],
  },
];
