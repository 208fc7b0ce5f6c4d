export enum Level {
  Debug = 0,
  Info = 1,
  // pi-expect: clean
  Warn = "warn".length,
}
export function label(l: Level): string {
  // pi-expect: clean
  return Level[l] ?? "unknown";
}
