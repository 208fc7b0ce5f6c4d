export function bound(this: { name: string }, greeting: string): string {
  // pi-expect: clean
  return `${greeting}, ${this.name}`;
}
