import type { TextSignals } from './signals.ts';

// Asking the reader to go somewhere or do something for the writer: what comment spam is for, in whatever words
// ("subscribe to my channel", "like this comment if", "follow me", "visit my page"). One feature for all of them,
// so a way of asking seen rarely in training borrows the weight of the common ones. Not in it: "check it out" and
// "two thumbs up" (a review says that of what it reviews), "come to my", "see my" (friends' messages).
const ASKS = [
  '(?:check|checking|visit|go to|listen to|look at) (?:out )?my',
  'subscribe',
  'subscribing',
  'sub (?:to|me|my|4|for)',
  'sub4sub',
  'follow (?:me|my)',
  'add me',
  'like this comment',
  'likes? if',
  'give (?:it|this) a like',
  '(?:like|share) (?:and|&) (?:share|subscribe|like)',
  'share this',
  'please share',
  'help me (?:reach|get|to get)',
  'my (?:channel|videos?|page|blog|website|site|music|songs?|track|profile)',
];
// Matched against the folded words joined by single spaces.
const CALL_TO_ACTION = new RegExp(`\\b(?:${ASKS.join('|')})\\b`);

/** The meta features of a text, by the names a reason shows ("bias" is never shown). */
export function metaFeatures(signals: TextSignals): string[] {
  const found = ['bias'];
  const links = signals.links.length;
  if (links > 0) found.push('a link');
  if (links > 1) found.push('two or more links');
  if (signals.contacts.length > 0) found.push('contact details');
  if (CALL_TO_ACTION.test(signals.wordText)) found.push('asks for likes, follows or visits');
  const { ratio, letters } = signals.capitals;
  if (letters >= 12 && ratio > 0.7) found.push('mostly capital letters');
  if (signals.longestRepeat.length > 6) found.push('a key held down');
  const words = signals.words.length;
  found.push(words <= 3 ? 'a very short text' : words <= 8 ? 'a short text' : words <= 20 ? 'a text of 9-20 words' : 'a long text');
  return found;
}
