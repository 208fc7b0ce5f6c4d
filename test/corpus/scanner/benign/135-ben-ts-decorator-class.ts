function sealed<T extends new (...args: any[]) => object>(ctor: T): T {
  return ctor;
}
// pi-expect: clean
@sealed
export class Settings {
  retries = 3;
}
