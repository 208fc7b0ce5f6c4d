export function find(grid, v) {
  // pi-expect: clean
  outer: for (const row of grid) {
    for (const x of row) if (x === v) break outer;
  }
}
