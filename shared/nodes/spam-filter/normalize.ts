// Every code unit below 128.
const isAscii = (text: string) => {
  for (let at = 0; at < text.length; at++) if (text.charCodeAt(at) > 127) return false;
  return true;
};

/**
 * Folds the many ways to write the same letters into one: NFKC turns full-width and
 * stylised letters (ｆｒｅｅ, 𝐟𝐫𝐞𝐞) into plain ones, and dropping combining marks makes
 * "fréé" match "free". Spammers use both to slip past word lists.
 */
export function foldText(text: string): string {
  // Plain ASCII has no compatibility forms and no marks: every normalisation leaves it as it is.
  if (isAscii(text)) return text.toLowerCase();
  return text
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase();
}

/** Letters and digits only, single-spaced: what is left when punctuation and spacing tricks are ignored. */
export function foldToWords(text: string): string {
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
