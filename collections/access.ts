/**
 * Who may do what in the admin and through Payload's REST/GraphQL API.
 * admin: everything, including users and API keys; editor: write and publish
 * content; reviewer: read everything an editor sees, change nothing.
 */
import type { Access, FieldAccess, PayloadRequest } from 'payload'

export const ROLES = ['admin', 'editor', 'reviewer'] as const
export type Role = (typeof ROLES)[number]

type RequestUser = PayloadRequest['user']

export function roleOf(user: RequestUser): Role | undefined {
  if (!user || user.collection !== 'users') return undefined
  const role = (user as { role?: unknown }).role
  return ROLES.find((known) => known === role)
}

export const isAdmin = ({ req }: { req: PayloadRequest }): boolean => roleOf(req.user) === 'admin'

export const isEditor: Access = ({ req }) => {
  const role = roleOf(req.user)
  return role === 'admin' || role === 'editor'
}

export const isStaff = ({ req }: { req: PayloadRequest }): boolean => roleOf(req.user) !== undefined

export const isAdminField: FieldAccess = ({ req }) => roleOf(req.user) === 'admin'

/** Content collections: staff read (drafts included), editors write and publish. */
export const contentAccess = {
  read: isStaff,
  create: isEditor,
  update: isEditor,
  delete: isEditor,
  readVersions: isStaff,
}

/** Written only by the server itself (the compiler, the outbox): nobody through the API. */
export const nobody = () => false
