// The words the node panel shows for the reasons nodes give (ctx.drop, ctx.hold, dead letters): what a person
// reading the figures needs, grouped the way the accounting identity names them.
const WORDS: Record<string, string> = {
  'filter-false': 'filter false',
  'identical-version': 'duplicate: unchanged resend',
  'older-version': 'old version: a newer one was seen',
  'tombstone-ignored': 'tombstone ignored: nothing to delete here',
  'tombstone-without-key': 'tombstone ignored: no key',
  'future-dated': 'future-dated: counted when due',
  'sink-refused': 'refused by the database',
  'operator-error': 'operator error',
  'invalid-json': 'not JSON',
  'not-a-json-object': 'JSON, but not an object',
  'decode-error': 'could not be decoded',
  'window-input': 'not a window input',
  late: 'too late for a window',
};

export function reasonInWords(reason: string): string {
  return WORDS[reason] ?? (reason === '' ? 'no reason given' : reason.replaceAll('-', ' '));
}

export const INTERNAL_WORDS: Record<string, string> = {
  'stage-hop': "between the node's own stages",
  'broadcast-copy': 'copies of deletes sent to every partition',
  'timer-output': 'emitted on timers (part of out)',
  'extra-output': 'more than one record for an input (part of out)',
};
