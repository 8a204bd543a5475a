import type { RouteObject } from 'react-router';
import { FullPageLoader } from '@/ui/FullPageLoader';
import { NotFoundPage } from '@/ui/NotFoundPage';
import { RequireSession } from './RequireSession';
import { RouteErrorPage } from './RouteErrorPage';
import { registerDuplicateSlots } from '@/modules/duplicates/register';
import { registerRoutingSlots } from '@/modules/routing/register';
import { registerApprovalSlots } from '@/modules/approvals/register';
import { registerTaskSlots } from '@/modules/tasks/register';
import { registerQuotationSlots } from '@/modules/quotations/register';
import { registerSalesSlots } from '@/modules/sales/register';
import { registerAttachmentSlots } from '@/modules/attachments/register';
import { registerDocumentSlots } from '@/modules/documents/register';

registerDuplicateSlots();
registerRoutingSlots();
registerApprovalSlots();
registerTaskSlots();
registerQuotationSlots();
registerSalesSlots();
registerDocumentSlots();
// Last: a document's files come after its own panels (lines, revisions, payments).
registerAttachmentSlots();

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
                path: 'admin',
                lazy: async () => ({ Component: (await import('@/modules/admin/AdminGuard')).AdminGuard }),
                children: [
                  {
                    index: true,
                    lazy: async () => ({ Component: (await import('@/modules/admin/AdminHome')).AdminHome }),
                  },
                  {
                    path: 'users',
                    lazy: async () => ({ Component: (await import('@/modules/admin/UsersPage')).UsersPage }),
                  },
                  {
                    path: 'users/:id',
                    lazy: async () => ({ Component: (await import('@/modules/admin/UserEditPage')).UserEditPage }),
                  },
                  {
                    path: 'teams',
                    lazy: async () => ({ Component: (await import('@/modules/admin/TeamsPage')).TeamsPage }),
                  },
                  {
                    path: 'teams/:id',
                    lazy: async () => ({ Component: (await import('@/modules/admin/TeamEditPage')).TeamEditPage }),
                  },
                  {
                    path: 'roles',
                    lazy: async () => ({ Component: (await import('@/modules/admin/RolesPage')).RolesPage }),
                  },
                  {
                    path: 'roles/:id',
                    lazy: async () => ({ Component: (await import('@/modules/admin/RoleEditPage')).RoleEditPage }),
                  },
                  {
                    path: 'picklists',
                    lazy: async () => ({ Component: (await import('@/modules/admin/PicklistsPage')).PicklistsPage }),
                  },
                  {
                    path: 'picklists/:name',
                    lazy: async () => ({
                      Component: (await import('@/modules/admin/PicklistEditPage')).PicklistEditPage,
                    }),
                  },
                  {
                    path: 'routing-paths',
                    lazy: async () => ({ Component: (await import('@/modules/routing/RoutingPathsPage')).RoutingPathsPage }),
                  },
                  {
                    path: 'routing-paths/:id',
                    lazy: async () => ({
                      Component: (await import('@/modules/routing/RoutingPathEditPage')).RoutingPathEditPage,
                    }),
                  },
                  {
                    path: 'business-calendars',
                    lazy: async () => ({
                      Component: (await import('@/modules/routing/BusinessCalendarsPage')).BusinessCalendarsPage,
                    }),
                  },
                  {
                    path: 'business-calendars/:id',
                    lazy: async () => ({
                      Component: (await import('@/modules/routing/BusinessCalendarEditPage')).BusinessCalendarEditPage,
                    }),
                  },
                  {
                    path: 'merges',
                    lazy: async () => ({ Component: (await import('@/modules/duplicates/MergesPage')).MergesPage }),
                  },
                  {
                    path: 'templates',
                    lazy: async () => ({ Component: (await import('@/modules/automation/TemplatesPage')).TemplatesPage }),
                  },
                  {
                    path: 'templates/:id',
                    lazy: async () => ({ Component: (await import('@/modules/automation/TemplateEditPage')).TemplateEditPage }),
                  },
                  {
                    path: 'automation-rules',
                    lazy: async () => ({
                      Component: (await import('@/modules/automation/AutomationRulesPage')).AutomationRulesPage,
                    }),
                  },
                  {
                    path: 'automation-rules/:id',
                    lazy: async () => ({
                      Component: (await import('@/modules/automation/AutomationRuleEditPage')).AutomationRuleEditPage,
                    }),
                  },
                  {
                    path: 'approval-rules',
                    lazy: async () => ({
                      Component: (await import('@/modules/approvals/ApprovalRulesPage')).ApprovalRulesPage,
                    }),
                  },
                  {
                    path: 'approval-rules/:id',
                    lazy: async () => ({
                      Component: (await import('@/modules/approvals/ApprovalRuleEditPage')).ApprovalRuleEditPage,
                    }),
                  },
                  { path: '*', Component: NotFoundPage },
                ],
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
                path: 'reminders',
                lazy: async () => ({ Component: (await import('@/modules/reminders/RemindersPage')).RemindersPage }),
              },
              {
                path: 'pricing',
                lazy: async () => ({ Component: (await import('@/modules/pricing/PriceCheckPage')).PriceCheckPage }),
              },
              {
                path: 'reports/ageing',
                lazy: async () => ({ Component: (await import('@/modules/sales/AgeingPage')).AgeingPage }),
              },
              {
                path: 'tasks/board',
                lazy: async () => ({ Component: (await import('@/modules/tasks/TaskBoardPage')).TaskBoardPage }),
              },
              {
                path: 'approvals',
                lazy: async () => ({ Component: (await import('@/modules/approvals/ApprovalsPage')).ApprovalsPage }),
              },
              {
                path: ':plural',
                lazy: async () => ({ Component: (await import('@/modules/records/ListPage')).ListPage }),
              },
              {
                path: ':plural/import',
                lazy: async () => ({ Component: (await import('@/modules/import/ImportPage')).ImportPage }),
              },
              {
                path: ':plural/duplicates',
                lazy: async () => ({ Component: (await import('@/modules/duplicates/DuplicatesPage')).DuplicatesPage }),
              },
              {
                path: ':plural/merge',
                lazy: async () => ({ Component: (await import('@/modules/duplicates/MergePage')).MergePage }),
              },
              {
                path: ':plural/new',
                lazy: async () => ({
                  Component: (await import('@/modules/records/CreatePage')).CreatePage,
                }),
              },
              {
                path: 'accounts/:id/360',
                lazy: async () => ({
                  Component: (await import('@/modules/records/Customer360Page')).Customer360Page,
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
