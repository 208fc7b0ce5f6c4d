export function describe(job) {
  // pi-expect: clean
  const line = `${job.exec.name} ${job.spawn.count} ${job.eval.score}`;
  return line;
}
