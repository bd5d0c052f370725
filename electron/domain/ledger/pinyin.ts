// Quick search in the ledger: clerks type 'zxm' for 张小明, part of the name, or the last digits of the ID number.
// Pinyin of a name is computed once per distinct name and cached, since a city ledger repeats a search over 50,000 rows.
import { pinyin } from 'pinyin-pro';
import { normaliseIdNumber } from './id-number';
import { removeSpaces, toHalfWidth } from './halfwidth';

// Surnames whose reading differs from the character's everyday one; pinyin-pro's surname mode knows most of them,
// but the ledger must not depend on its dictionary for the common ones.
const SURNAME_READINGS: Readonly<Record<string, string>> = {
  曾: 'zeng',
  单: 'shan',
  解: 'xie',
  仇: 'qiu',
  区: 'ou',
  查: 'zha',
  朴: 'piao',
  乐: 'yue',
};

interface NamePinyin {
  /** One entry per searchable character: a toneless syllable for a Chinese character, the lower-cased character otherwise. */
  tokens: string[];
  initials: string;
}

const CACHE_LIMIT = 20_000;
const cache = new Map<string, NamePinyin>();

function cleanName(name: string): string {
  return toHalfWidth(name).trim();
}

function namePinyin(name: string): NamePinyin {
  const cleaned = cleanName(name);
  const hit = cache.get(cleaned);
  if (hit) return hit;

  const tokens: string[] = [];
  let initials = '';
  const items = pinyin(cleaned, { toneType: 'none', type: 'all', surname: 'head', v: true });
  items.forEach((item, index) => {
    if (item.isZh && item.pinyin) {
      const syllable = (index === 0 ? SURNAME_READINGS[item.origin] : undefined) ?? item.pinyin.toLowerCase();
      tokens.push(syllable);
      initials += syllable[0] ?? '';
    } else if (/^[\p{L}\p{N}]$/u.test(item.origin)) {
      // Letters and digits in a name (rare, but seen in transliterated names) are searchable as typed.
      const lower = item.origin.toLowerCase();
      tokens.push(lower);
      initials += lower;
    }
    // Separators such as the middle dot of 阿卜杜·热合曼 and spaces are not part of the search key.
  });

  const result = { tokens, initials };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(cleaned, result);
  return result;
}

/** 张小明 → 'zxm'; a polyphonic surname reads as a surname (曾 → z). Non-Chinese letters are kept, lower-cased. */
export function pinyinInitials(name: string): string {
  return namePinyin(name).initials;
}

/** 张小明 → 'zhangxiaoming' (no tones, ü as v). */
export function fullPinyin(name: string): string {
  return namePinyin(name).tokens.join('');
}

export interface Searchable {
  name: string;
  idNumber?: string | null;
  /** Parents' and guardians' names: a search finds the child by these as well (by name or pinyin). */
  otherNames?: readonly string[];
}

/** Between the names of one key: never in a query (spaces are removed from it), so no match spans two names. */
const NAME_BREAK = '\n';

const ID_TAIL_MIN = 4;

/**
 * A name's search key, computed once and kept (the ledger's list keeps one per child, so a search over 50,000 rows
 * never calls the pinyin dictionary).
 */
export interface SearchKey {
  /** The name without spaces, then each other name (parents, guardian), separated by a line break. */
  name: string;
  /** Each name's pinyin initials, separated by a line break: 'zxm\nzds'. */
  initials: string;
  /**
   * The full pinyin from each syllable on, of every name, each after a line break: 张小明 → '\nzhangxiaoming\nxiaoming\nming…'
   * ('' when none). One string, not an array of them: at 200,000 children the arrays were a start's largest share of
   * live objects (issue 13), and the list index searches this very string.
   */
  pinyin: string;
  /** Normalised ID number, or ''. */
  idNumber: string;
}

const SUFFIX_BREAK = '\n';

/** The key's first full-pinyin suffix (the whole first name's pinyin), or undefined when it has none. */
export function firstPinyin(key: SearchKey): string | undefined {
  if (key.pinyin === '') return undefined;
  const end = key.pinyin.indexOf(SUFFIX_BREAK, 1);
  return end < 0 ? key.pinyin.slice(1) : key.pinyin.slice(1, end);
}

export function searchKey(record: Searchable): SearchKey {
  const names = [record.name ?? '', ...(record.otherNames ?? [])];
  const suffixes: string[] = [];
  const initials: string[] = [];
  const cleaned: string[] = [];
  for (const n of names) {
    const key = namePinyin(n);
    for (let i = 0; i < key.tokens.length; i += 1) suffixes.push(key.tokens.slice(i).join(''));
    initials.push(key.initials);
    cleaned.push(removeSpaces(cleanName(n)));
  }
  return {
    name: cleaned.join(NAME_BREAK),
    initials: initials.join(NAME_BREAK),
    pinyin: suffixes.length ? `${SUFFIX_BREAK}${suffixes.join(SUFFIX_BREAK)}` : '',
    idNumber: record.idNumber ? normaliseIdNumber(record.idNumber) : '',
  };
}

export interface PreparedQuery {
  text: string;
  /** Lower-case letters with ü as v, when the query can be pinyin. */
  letters: string | null;
  /** Upper-cased digits (and a final X), when the query can be an ID tail. */
  idTail: string | null;
}

export function prepareQuery(query: string): PreparedQuery {
  const text = removeSpaces(toHalfWidth(query));
  const lower = text.toLowerCase();
  return {
    text,
    letters: /^[a-zü]+$/.test(lower) ? lower.replace(/ü/g, 'v') : null,
    idTail: text.length >= ID_TAIL_MIN && /^\d+[xX]?$/.test(text) ? text.toUpperCase() : null,
  };
}

/** `matchesSearch` on a prepared query and a precomputed key. */
export function matchesKey(q: PreparedQuery, key: SearchKey): boolean {
  if (q.text === '') return true;
  if (key.name.includes(q.text)) return true;
  if (q.letters !== null) {
    if (key.initials.includes(q.letters)) return true;
    // A suffix starting with the letters: they follow a break (they hold none, so cannot run into the next suffix).
    if (key.pinyin.includes(SUFFIX_BREAK + q.letters)) return true;
  }
  if (q.idTail !== null && key.idNumber !== '') return key.idNumber.endsWith(q.idTail);
  return false;
}

/**
 * Does `query` find this child? Matches a substring of the name (or of a parent's or guardian's name), a substring of the pinyin initials ('zxm', 'xm'),
 * full pinyin starting at a syllable ('zhangxiao', 'xiaoming'), or — for 4 or more digits — the end of the ID number.
 * An empty query matches everything.
 */
export function matchesSearch(query: string, record: Searchable): boolean {
  return matchesKey(prepareQuery(query), searchKey(record));
}
