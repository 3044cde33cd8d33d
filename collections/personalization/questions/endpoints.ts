import type { Endpoint } from 'payload'

export const questionEndpoints: Endpoint[] = []
