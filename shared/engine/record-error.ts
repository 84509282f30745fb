/**
 * Thrown by an operator for a record it cannot process (an expression that fails
 * on this record's fields): the record goes to the DLQ with this reason, the
 * operator's state writes for it are undone, and the pipeline continues.
 */
export class RecordError extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}
