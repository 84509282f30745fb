/** A prerequisite is missing: say what to install, never print a stack trace. */
export class PrerequisiteError extends Error {}

/** The broker did not come up; `logTail` holds the end of its log. */
export class BrokerStartError extends Error {
  constructor(
    message: string,
    readonly logTail: string,
  ) {
    super(message);
  }
}
