/** Bounded edit distance (Levenshtein inside a diagonal band) and nearest-name lookup for rename fixes. */
let prevRow = new Int32Array(64);
let curRow = new Int32Array(64);

/** Edit distance of `a` and `b`, or `max + 1` when it exceeds `max` (only a band of width 2·max+1 is computed). */
export function editDistance(a: string, b: string, max = 1 << 20): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0 || lb === 0) return Math.max(la, lb);
  if (prevRow.length <= lb) {
    prevRow = new Int32Array(lb + 1);
    curRow = new Int32Array(lb + 1);
  }
  const big = max + 1;
  let prev = prevRow;
  let cur = curRow;
  for (let j = 0; j <= lb; j++) prev[j] = j <= max ? j : big;
  for (let i = 1; i <= la; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(lb, i + max);
    cur[lo - 1] = lo === 1 && i <= max ? i : big;
    let rowMin = cur[lo - 1];
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      let v = prev[j - 1] + cost;
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      if (del < v) v = del;
      if (ins < v) v = ins;
      if (v > big) v = big;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < lb) cur[hi + 1] = big;
    if (rowMin > max) return big;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[lb], big);
}

/** The candidate closest to `name` within `maxDistance` (ties: first in list order); comparison ignores case and `-`/`_`. */
export function nearestName(name: string, candidates: readonly string[], maxDistance: number): string | undefined {
  const n = name.toLowerCase().replace(/-/g, '_');
  let best: string | undefined;
  let bestD = maxDistance + 1;
  for (const c of candidates) {
    if (c === name || Math.abs(c.length - n.length) > maxDistance) continue;
    const norm = c.toLowerCase().replace(/-/g, '_');
    const d = n === norm ? 0 : editDistance(n, norm, Math.min(maxDistance, bestD - 1));
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return bestD <= maxDistance ? best : undefined;
}
