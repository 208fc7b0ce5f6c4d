export async function retry(fn, n = 3) {
  for (let i = 0; ; i++) {
    try {
      // pi-expect: clean
      return await fn();
    } catch (e) {
      if (i >= n) throw e;
    }
  }
}
