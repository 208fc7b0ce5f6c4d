import { EventEmitter } from "node:events";
export class Bus extends EventEmitter {
  fire(name, data) {
    // pi-expect: clean
    this.emit(name, data);
  }
}
