const empty = [] + "";
const joined = "" + [1, 2, 3];
const zero = +[];
const flag = !![];
const first = "abc"[0] + "xyz".length;
export function summary(pi, items) {
  // pi-expect: clean
  pi.ui.notify(`${empty}${joined}${zero}${flag}${first}${[items.length] + ""}`);
}
