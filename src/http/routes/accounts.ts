import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  inviteUser,
  listUsers,
  requestPasswordReset,
  setPasswordWithLink,
} from '../../app/identity/accounts.ts';
import { execute } from '../../app/use-case.ts';
import { roles } from '../../domain/access.ts';
import { clientIp } from '../authenticate.ts';
import type { HttpEnv } from '../env.ts';
import { emptyResponse, errorResponses, jsonBody, jsonResponse } from '../openapi.ts';

const UserListSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        email: z.string(),
        name: z.string(),
        disabled: z.boolean(),
        invitationPending: z.boolean(),
        membershipId: z.string(),
        /** This role in this municipality is disabled by its admin. */
        membershipDisabled: z.boolean(),
        role: z.enum(roles),
        initiativeId: z.string().nullable(),
        supplierId: z.string().nullable(),
        supplierName: z.string().nullable(),
      }),
    ),
  })
  .openapi('UserList');

const InvitationSchema = z
  .object({
    email: z.string().email().max(320),
    role: z.enum(roles),
    supplierId: z.string().uuid().optional(),
    initiativeId: z.string().uuid().optional().openapi({ description: 'Required for role initiative' }),
    name: z.string().max(200).optional(),
  })
  .openapi('InvitationInput');

const PasswordWithLinkSchema = z
  .object({ token: z.string().min(10).max(200), password: z.string().min(1).max(1024) })
  .openapi('PasswordWithLink');

const routes = {
  users: createRoute({
    method: 'get',
    path: '/users',
    tags: ['Users'],
    summary: "The municipality's users and their roles",
    responses: { 200: jsonResponse(UserListSchema, 'Users'), ...errorResponses },
  }),
  invite: createRoute({
    method: 'post',
    path: '/invitations',
    tags: ['Users'],
    summary: 'Invite someone by email to a role in this municipality (a one-time link, valid 7 days)',
    request: { body: jsonBody(InvitationSchema) },
    responses: {
      201: jsonResponse(
        z
          .object({
            userId: z.string(),
            membershipId: z.string(),
            expiresAt: z.string().openapi({ format: 'date-time' }),
          })
          .openapi('Invitation'),
        'Invited',
      ),
      ...errorResponses,
    },
  }),
  accept: createRoute({
    method: 'post',
    path: '/invitations/acceptance',
    tags: ['Users'],
    summary: 'Accept an invitation: set the password with the one-time link',
    request: { body: jsonBody(PasswordWithLinkSchema) },
    responses: { 204: emptyResponse('Password set; sign in'), ...errorResponses },
  }),
  resetRequest: createRoute({
    method: 'post',
    path: '/password-resets',
    tags: ['Users'],
    summary: 'Ask for a password reset link (the answer is the same whether the account exists or not)',
    request: { body: jsonBody(z.object({ email: z.string().max(320) }).openapi('PasswordResetRequest')) },
    responses: { 202: emptyResponse('If the account exists, a link is on its way'), ...errorResponses },
  }),
  resetComplete: createRoute({
    method: 'post',
    path: '/password-resets/completion',
    tags: ['Users'],
    summary: 'Set a new password with a reset link (ends all sessions of the account)',
    request: { body: jsonBody(PasswordWithLinkSchema) },
    responses: { 204: emptyResponse('Password changed'), ...errorResponses },
  }),
};

export function accountRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(routes.users, async (c) => {
    const rows = await execute(listUsers, c.var.deps, c.var.actor, undefined);
    return c.json(
      {
        items: rows.map(({ hasPassword, ...r }) => ({
          ...r,
          role: r.role as (typeof roles)[number],
          invitationPending: !hasPassword,
        })),
      },
      200,
    );
  });
  api.openapi(routes.invite, async (c) => {
    const r = await execute(inviteUser, c.var.deps, c.var.actor, c.req.valid('json'));
    return c.json({ ...r, expiresAt: r.expiresAt.toISOString() }, 201);
  });
  api.openapi(routes.accept, async (c) => {
    await execute(setPasswordWithLink, c.var.deps, c.var.actor, {
      ...c.req.valid('json'),
      purpose: 'invitation',
      ip: clientIp(c),
    });
    return c.body(null, 204);
  });
  api.openapi(routes.resetRequest, async (c) => {
    await execute(requestPasswordReset, c.var.deps, c.var.actor, {
      email: c.req.valid('json').email,
      ip: clientIp(c),
    });
    return c.body(null, 202);
  });
  api.openapi(routes.resetComplete, async (c) => {
    await execute(setPasswordWithLink, c.var.deps, c.var.actor, {
      ...c.req.valid('json'),
      purpose: 'passwordReset',
      ip: clientIp(c),
    });
    return c.body(null, 204);
  });
}
