/**
 * KBLI 2020 codes as sortable integer keys, so sector fit is a merge of two small sorted arrays instead of
 * string comparisons per pair.
 *
 * KBLI is hierarchical: section letter (C = manufacturing) → 2-digit division (13 = textiles) → 3-digit
 * group → 4-digit class → 5-digit sub-class (13134 = batik). A code is expanded into a key at its own
 * level and every coarser level, so "13134" and "13139" share the 4-digit class key "1313" and the fit is
 * the finest level they share. A sector key (reference `SECTORS`) expands to its divisions and sections
 * plus a key of its own, so two parties who only named the same sector still count as division-level.
 */
import { SECTORS } from '../reference';

/** Key levels; larger = finer. The level lives in the high part of the key. */
export const KBLI_LEVEL = {
  section: 1,
  division: 2,
  sector: 3,
  group: 4,
  kbliClass: 5,
  subClass: 6,
} as const;
/** Keys are `level · KBLI_LEVEL_FACTOR + code`. */
export const KBLI_LEVEL_FACTOR = 1_000_000;
const LEVEL_FACTOR = KBLI_LEVEL_FACTOR;

/**
 * Division → section, from the KBLI 2020 / ISIC rev. 4 structure (sections are ranges of divisions).
 * Index = first division of the range; the table is walked once at module load.
 */
const SECTION_RANGES: readonly [from: number, to: number, section: string][] = [
  [1, 3, 'A'],
  [5, 9, 'B'],
  [10, 33, 'C'],
  [35, 35, 'D'],
  [36, 39, 'E'],
  [41, 43, 'F'],
  [45, 47, 'G'],
  [49, 53, 'H'],
  [55, 56, 'I'],
  [58, 63, 'J'],
  [64, 66, 'K'],
  [68, 68, 'L'],
  [69, 75, 'M'],
  [77, 82, 'N'],
  [84, 84, 'O'],
  [85, 85, 'P'],
  [86, 88, 'Q'],
  [90, 93, 'R'],
  [94, 96, 'S'],
  [97, 98, 'T'],
  [99, 99, 'U'],
];

/**
 * The KBLI section letter of a 2-digit division, or undefined.
 *
 * @example
 * sectionOfDivision(13); // → 'C' (manufacturing)
 * sectionOfDivision(56); // → 'I' (food service)
 */
export function sectionOfDivision(division: number): string | undefined {
  for (const [from, to, section] of SECTION_RANGES) if (division >= from && division <= to) return section;
  return undefined;
}

function key(level: number, code: number): number {
  return level * LEVEL_FACTOR + code;
}

/** Level of a key produced by this module. */
export function levelOfKey(k: number): number {
  return Math.floor(k / LEVEL_FACTOR);
}

/**
 * Expand KBLI codes (any level: "C", "13", "131", "1313", "13134") and sector keys into sorted, unique keys.
 * Malformed codes are ignored rather than thrown on: profiles are user data and must never break ranking.
 *
 * @example
 * const business = kbliKeys(['13134'], ['fesyen']);
 * const offer = kbliKeys(['1313'], []);
 * bestSharedLevel(business, offer); // → KBLI_LEVEL.kbliClass
 */
export function kbliKeys(codes: readonly string[], sectorKeys: readonly string[]): Int32Array {
  const out = new Set<number>();
  for (const raw of codes) {
    const code = raw.trim().toUpperCase();
    if (/^[A-U]$/.test(code)) {
      out.add(key(KBLI_LEVEL.section, code.charCodeAt(0)));
      continue;
    }
    if (!/^\d{2,5}$/.test(code)) continue;
    const levels = [KBLI_LEVEL.division, KBLI_LEVEL.group, KBLI_LEVEL.kbliClass, KBLI_LEVEL.subClass];
    // Prefix of length 2..n: "13134" → 13, 131, 1313, 13134. The length is part of the level, so "13"
    // (division) and "013" cannot collide.
    for (let len = 2; len <= code.length; len++) {
      out.add(key(levels[len - 2] as number, Number(code.slice(0, len))));
    }
    const section = sectionOfDivision(Number(code.slice(0, 2)));
    if (section !== undefined) out.add(key(KBLI_LEVEL.section, section.charCodeAt(0)));
  }
  for (const sectorKey of sectorKeys) {
    const index = SECTORS.findIndex((s) => s.key === sectorKey);
    const sector = SECTORS[index];
    if (sector === undefined) continue;
    out.add(key(KBLI_LEVEL.sector, index));
    for (const division of sector.kbliDivisions) out.add(key(KBLI_LEVEL.division, Number(division)));
    for (const section of sector.kbliSections) out.add(key(KBLI_LEVEL.section, section.charCodeAt(0)));
  }
  return Int32Array.from([...out].sort((a, b) => a - b));
}

/**
 * The finest level shared by two sorted key arrays, 0 if none. Allocation-free merge: this runs per pair.
 *
 * @example
 * bestSharedLevel(kbliKeys(['10792'], []), kbliKeys(['10'], [])); // → KBLI_LEVEL.division
 * bestSharedLevel(kbliKeys(['10792'], []), kbliKeys(['47'], [])); // → 0 (C vs G: nothing shared)
 */
export function bestSharedLevel(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let best = 0;
  // Keys are sorted by level first, so the last shared key is the finest; still take the max to stay
  // independent of that detail.
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      const level = (x / LEVEL_FACTOR) | 0;
      if (level > best) best = level;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return best;
}
