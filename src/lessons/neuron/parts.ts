// Pure helpers for the neuron scene: one neuron's weights and its largest terms wⱼₖaₖ, and which rows and
// columns of W to show in the matrix excerpt.

/** Row j of layer l's weights: wⱼₖ for k = 0 … nIn − 1 (a view, no copy). */
export function weightRow(w: Float32Array, nIn: number, j: number): Float32Array {
  return w.subarray(j * nIn, (j + 1) * nIn);
}

/** One term of a weighted sum: input k's weight, activation and their product. */
export interface Contribution {
  readonly k: number;
  readonly w: number;
  readonly a: number;
  readonly product: number;
}

/** The terms wₖaₖ with aₖ ≠ 0 (inked pixels), largest |wₖaₖ| first (ties by k). */
export function contributions(w: ArrayLike<number>, a: ArrayLike<number>): Contribution[] {
  const out: Contribution[] = [];
  for (let k = 0; k < a.length; k++) {
    const ak = a[k]!;
    if (ak !== 0) out.push({ k, w: w[k]!, a: ak, product: w[k]! * ak });
  }
  return out.sort((p, q) => Math.abs(q.product) - Math.abs(p.product) || p.k - q.k);
}

/** Indices to show, null standing for "…" (entries left out). */
export type Excerpt = readonly (number | null)[];

/** Rows 0 … first − 1 of n, then the chosen row if it is not among them, with "…" for each gap. */
export function excerptRows(n: number, chosen: number, first = 4): Excerpt {
  const rows: (number | null)[] = [];
  for (let j = 0; j < Math.min(first, n); j++) rows.push(j);
  const last = rows.at(-1) ?? -1;
  if (chosen > last && chosen < n) {
    if (chosen > last + 1) rows.push(null);
    rows.push(chosen);
  }
  if ((rows.at(-1) ?? -1) < n - 1) rows.push(null);
  return rows;
}

/** `width` consecutive columns of n around `centre` (kept inside 0 … n − 1), with "…" for those left out. */
export function excerptCols(n: number, centre: number, width = 4): Excerpt {
  const w = Math.min(width, n);
  const start = Math.max(0, Math.min(n - w, centre - Math.floor((w - 1) / 2)));
  const cols: (number | null)[] = start > 0 ? [null] : [];
  for (let k = start; k < start + w; k++) cols.push(k);
  if (start + w < n) cols.push(null);
  return cols;
}
