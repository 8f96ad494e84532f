import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  listNotifications,
  readAllNotifications,
  readNotification,
  unreadNotificationCount,
} from '../../app/notifications/notifications.ts';
import { notificationKinds } from '../../app/notifications/notify.ts';
import { execute } from '../../app/use-case.ts';
import type { HttpEnv } from '../env.ts';
import { IdParamSchema, jsonResponse, problems } from '../openapi.ts';

const NotificationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(notificationKinds).openapi({
      description: 'What happened; the UI writes the text from `kind` and `params` in its language',
    }),
    subjectType: z.enum(['report', 'plan', 'activity', 'pledge']),
    subjectId: z.string(),
    link: z.string().openapi({
      description: 'The web page where the work is done, e.g. /contracts/{id}/reports/{reportId}',
      example: '/contracts/1b7c…/reports/9e2a…',
    }),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).openapi({
      description:
        'The text parameters: contractReference, contractTitle, supplierName, period, typeCode, version, count, dueDate (by kind)',
    }),
    createdAt: z.string().openapi({ format: 'date-time' }),
    readAt: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('Notification');

const listRoute = createRoute({
  method: 'get',
  path: '/notifications',
  tags: ['Notifications'],
  summary: 'My notifications, newest first, a page at a time',
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(100).default(20),
      cursor: z.string().max(500).optional().openapi({ description: 'From `nextCursor` of the page before' }),
      unread: z.enum(['true', 'false']).optional().openapi({ description: '`true`: unread ones only' }),
    }),
  },
  responses: {
    200: jsonResponse(
      z
        .object({
          items: z.array(NotificationSchema),
          nextCursor: z.string().optional().openapi({ description: 'Absent on the last page' }),
        })
        .openapi('NotificationList'),
      'One page of my notifications',
    ),
    ...problems(400, 401, 403),
  },
});

const countRoute = createRoute({
  method: 'get',
  path: '/notifications/unread-count',
  tags: ['Notifications'],
  summary: 'How many of my notifications are unread',
  responses: {
    200: jsonResponse(z.object({ unread: z.number().int() }).openapi('UnreadNotificationCount'), 'The count'),
    ...problems(400, 401, 403),
  },
});

const readRoute = createRoute({
  method: 'post',
  path: '/notifications/{id}/read',
  tags: ['Notifications'],
  summary: "Mark one of my notifications read (someone else's: 404)",
  request: { params: IdParamSchema },
  responses: {
    200: jsonResponse(NotificationSchema, 'Read (as of the first time)'),
    ...problems(400, 401, 403, 404),
  },
});

const readAllRoute = createRoute({
  method: 'post',
  path: '/notifications/read-all',
  tags: ['Notifications'],
  summary: 'Mark all my notifications read',
  responses: {
    200: jsonResponse(z.object({ marked: z.number().int() }).openapi('NotificationsMarked'), 'How many'),
    ...problems(400, 401, 403),
  },
});

export function notificationRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const page = await execute(listNotifications, c.var.deps, c.var.actor, {
      limit: q.limit,
      cursor: q.cursor,
      unread: q.unread === 'true',
    });
    return c.json(page, 200);
  });
  api.openapi(countRoute, async (c) =>
    c.json(await execute(unreadNotificationCount, c.var.deps, c.var.actor, {}), 200),
  );
  api.openapi(readRoute, async (c) =>
    c.json(await execute(readNotification, c.var.deps, c.var.actor, { id: c.req.valid('param').id }), 200),
  );
  api.openapi(readAllRoute, async (c) =>
    c.json(await execute(readAllNotifications, c.var.deps, c.var.actor, {}), 200),
  );
}
