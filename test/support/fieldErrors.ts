/** The field errors of the ValidationError a Payload operation must throw (fails the test when it succeeds). */
export type FieldError = { path: string; message: string }

export async function fieldErrors(operation: Promise<unknown>): Promise<FieldError[]> {
  try {
    await operation
  } catch (error) {
    const data = (error as { data?: { errors?: FieldError[] } }).data
    if ((error as Error).name === 'ValidationError' && data?.errors) return data.errors
    throw error
  }
  throw new Error('expected the operation to be refused with field errors, but it succeeded')
}
