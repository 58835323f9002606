/** Length of the longest run of characters two strings share (dynamic programming, one row). */
export function longestCommonRun(a: string, b: string): number {
  let best = 0;
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j] ?? 0;
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : 0;
      if ((prev[j] ?? 0) > best) best = prev[j] ?? 0;
      diag = tmp;
    }
  }
  return best;
}
