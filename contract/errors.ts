/** Errors that reach a caller are data: `{ error: { code, message, issues } }` with the right status. */
import { z } from 'zod'

export const ErrorIssueSchema = z.object({ path: z.string(), message: z.string() })
export type ErrorIssue = z.infer<typeof ErrorIssueSchema>

/** Every error a caller gets: a code to branch on, a message a person can act on, and the fields at fault. */
export const ErrorBodySchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), issues: z.array(ErrorIssueSchema) }) })
  .meta({ id: 'Error', example: { error: { code: 'invalid_context', message: 'Invalid context: geo.country: Too big', issues: [{ path: 'geo.country', message: 'Too big' }] } } })

export function errorResponse(status: number, code: string, message: string, issues: ErrorIssue[] = [], headers: HeadersInit = {}): Response {
  return Response.json(
    { error: { code, message, issues } },
    { status, headers: { 'Cache-Control': 'no-store', ...Object.fromEntries(new Headers(headers)) } },
  )
}

/** Zod's issues as `{ path, message }`; `rename` maps a path to the name the caller used (a query parameter, say). */
export function zodIssues(error: z.ZodError, rename: (path: string[]) => string = (path) => path.join('.')): ErrorIssue[] {
  return error.issues.map((issue) => ({ path: rename(issue.path.map(String)), message: issue.message }))
}

/** A 400 (or 413 when a list is over its bound) naming the first problem and listing them all. */
export function invalidInput(code: string, what: string, issues: ErrorIssue[], tooLarge = false): Response {
  const first = issues[0]
  return errorResponse(tooLarge ? 413 : 400, code, `${what}: ${first ? `${first.path || 'body'}: ${first.message}` : 'see issues'}`, issues)
}
