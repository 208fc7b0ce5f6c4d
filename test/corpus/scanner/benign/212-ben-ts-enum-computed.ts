export enum Size {
  Small = 1 << 0,
  // pi-expect: clean
  Large = 1 << 3,
}
