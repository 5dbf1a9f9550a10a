const numberId = new Intl.NumberFormat('id-ID');

/** Figures are written the Indonesian way (1.234), the interface's first language. */
export function formatCount(value: number): string {
  return numberId.format(value);
}
