export async function all(tasks) {
  // pi-expect: clean
  return Promise.all(tasks.map((t) => t()));
}
