export const tips = {
  // pi-expect: clean
  with: "Use with care",
  // pi-expect: clean
  debugger: "Attach the debugger from the editor",
};
