export class Lazy {
  value!: string;
  // pi-expect: clean
  init(): void { this.value = "ready"; }
}
