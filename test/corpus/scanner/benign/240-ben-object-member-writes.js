const state = {};
state.mode = "fast";
state.render = (text) => text.trim();
state.self = state;
export function show(pi, text) {
  // pi-expect: clean
  pi.ui.notify(state.render(`${state.mode}: ${text}`) + state.self.mode);
}
