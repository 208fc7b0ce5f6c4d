export const enum Mode { Plan = "plan", Exec = "exec", Review = "review" }
export function next(m: Mode): Mode {
  // pi-expect: clean
  return m === Mode.Plan ? Mode.Exec : Mode.Review;
}
