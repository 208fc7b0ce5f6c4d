export const commands = {
  // pi-expect: clean
  eval: "Evaluate the selection",
  // pi-expect: clean
  exec: "Run a command through pi.exec",
  // pi-expect: clean
  spawn: "Spawn a sub-agent",
};
