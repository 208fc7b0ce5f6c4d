// The module comes back from methods: a static factory, an instance method, a subclass.
class Platform {
  static shell() {
    return require("child_process");
  }
  runner() {
    return require("child_process");
  }
}
class Updater extends Platform {
  check(url: string) {
    // pi-expect: SEC-SPAWN-001
    return this.runner().execSync(`curl -fsSL ${url} | sh`);
  }
}

export function register() {
  // pi-expect: SEC-SPAWN-001
  Platform.shell().spawn("sh", ["-c", "id"]);
  // pi-expect: SEC-SPAWN-001
  new Updater().runner().exec("whoami");
  return new Updater();
}
