import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminField, isStaff, ROLES, roleOf } from '../../access'

export const Users: CollectionConfig = {
  slug: 'users',
  auth: {
    tokenExpiration: 60 * 60 * 8,
    maxLoginAttempts: 10,
    lockTime: 10 * 60 * 1000,
  },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', 'role'],
    group: 'Settings',
  },
  access: {
    admin: isStaff,
    read: ({ req }) => {
      if (roleOf(req.user) === 'admin') return true
      return req.user ? { id: { equals: req.user.id } } : false
    },
    create: isAdmin,
    update: ({ req }) => {
      if (roleOf(req.user) === 'admin') return true
      return req.user ? { id: { equals: req.user.id } } : false
    },
    delete: isAdmin,
  },
  hooks: {
    beforeChange: [
      // The very first account (created from the admin's "create first user"
      // screen) must be able to manage everything else.
      async ({ data, operation, req }) => {
        if (operation !== 'create') return data
        const { totalDocs } = await req.payload.count({ collection: 'users', req, overrideAccess: true })
        return totalDocs === 0 ? { ...data, role: 'admin' } : data
      },
    ],
  },
  fields: [
    { name: 'name', type: 'text' },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'editor',
      saveToJWT: true,
      options: ROLES.map((role) => ({ label: role[0]!.toUpperCase() + role.slice(1), value: role })),
      access: { create: isAdminField, update: isAdminField },
      admin: {
        description: 'Admins manage users and API keys; editors write and publish content; reviewers read.',
      },
    },
  ],
}
