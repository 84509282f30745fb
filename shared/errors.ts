/** The default branch of a switch over a discriminated union: it only compiles when every case is handled. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
