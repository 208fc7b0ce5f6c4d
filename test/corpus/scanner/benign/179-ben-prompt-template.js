export function prompt(task) {
  // pi-expect: clean
  return `You are a careful assistant. Do not run \`eval\` or spawn shells.\nTask: ${task}`;
}
