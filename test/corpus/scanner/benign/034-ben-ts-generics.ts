type Handler<T> = (value: T) => void;
export function on<T extends { type: string }>(h: Handler<T>): Handler<T> {
  return h;
}
// pi-expect: clean
export const evalHandler = on<{ type: "eval"; code: string }>((v) => void v.code);
