interface Disposable { dispose(): void }
export class Watcher implements Disposable {
  private handles: Array<() => void> = [];
  // pi-expect: clean
  public readonly label: string = "watcher";
  dispose(): void {
    for (const h of this.handles) h();
  }
}
