import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  removeMembership,
  resendInvitation,
  sendPasswordReset,
  staffRoles,
  updateMembership,
} from '../../app/identity/memberships.ts';
import { execute } from '../../app/use-case.ts';
import { roles } from '../../domain/access.ts';
import type { HttpEnv } from '../env.ts';
import { emptyResponse, errorResponses, IdParamSchema, jsonBody, jsonResponse } from '../openapi.ts';

const MembershipSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    email: z.string(),
    role: z.enum(roles),
    disabled: z.boolean(),
  })
  .openapi('Membership');

const routes = {
  update: createRoute({
    method: 'patch',
    path: '/memberships/{id}',
    tags: ['Users'],
    summary:
      "Disable or enable a user's role in this municipality, or change it between the staff roles (ends its sessions and tokens here)",
    request: {
      params: IdParamSchema,
      body: jsonBody(
        z
          .object({ disabled: z.boolean().optional(), role: z.enum(staffRoles).optional() })
          .openapi('MembershipChange'),
      ),
    },
    responses: { 200: jsonResponse(MembershipSchema, 'Changed'), ...errorResponses },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/memberships/{id}',
    tags: ['Users'],
    summary: "Remove a user's role in this municipality (its sessions end, its API tokens here go)",
    request: { params: IdParamSchema },
    responses: { 204: emptyResponse('Removed'), ...errorResponses },
  }),
  reinvite: createRoute({
    method: 'post',
    path: '/memberships/{id}/invitation',
    tags: ['Users'],
    summary: 'Send a new invitation link to a user who has not set a password yet',
    request: { params: IdParamSchema },
    responses: {
      201: jsonResponse(
        z.object({ expiresAt: z.string().openapi({ format: 'date-time' }) }).openapi('InvitationResent'),
        'Sent',
      ),
      ...errorResponses,
    },
  }),
  passwordReset: createRoute({
    method: 'post',
    path: '/memberships/{id}/password-reset',
    tags: ['Users'],
    summary: 'Send a password-reset link to a user of this municipality (admin; at most 3 an hour)',
    request: { params: IdParamSchema },
    responses: {
      201: jsonResponse(
        z.object({ expiresAt: z.string().openapi({ format: 'date-time' }) }).openapi('PasswordResetSent'),
        'Sent',
      ),
      ...errorResponses,
    },
  }),
};

export function membershipRoutes(api: OpenAPIHono<HttpEnv>) {
  api.openapi(routes.update, async (c) => {
    const row = await execute(updateMembership, c.var.deps, c.var.actor, {
      ...c.req.valid('json'),
      ...c.req.valid('param'),
    });
    return c.json(
      {
        id: row.id,
        userId: row.userId,
        email: row.email,
        role: row.role as (typeof roles)[number],
        disabled: row.disabled,
      },
      200,
    );
  });
  api.openapi(routes.remove, async (c) => {
    await execute(removeMembership, c.var.deps, c.var.actor, c.req.valid('param'));
    return c.body(null, 204);
  });
  api.openapi(routes.passwordReset, async (c) => {
    const r = await execute(sendPasswordReset, c.var.deps, c.var.actor, c.req.valid('param'));
    return c.json({ expiresAt: r.expiresAt.toISOString() }, 201);
  });
  api.openapi(routes.reinvite, async (c) => {
    const r = await execute(resendInvitation, c.var.deps, c.var.actor, c.req.valid('param'));
    return c.json({ expiresAt: r.expiresAt.toISOString() }, 201);
  });
}
