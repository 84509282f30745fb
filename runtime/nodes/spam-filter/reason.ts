/** Why a rule flagged a review; spam records carry a list of these as `spamReasons`. */
export interface SpamReason {
  rule: string;
  detail: string;
}

/** Lists matches briefly: reasons end up in records and logs, so they stay short. */
export function listBriefly(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max).map((item) => (item.length > 40 ? `${item.slice(0, 37)}...` : item));
  const rest = items.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}
