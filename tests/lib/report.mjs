// TAP-like lines and the closing `N passed, N failed` every suite ends with.
export class Report {
  constructor(prefix = '') {
    this.prefix = prefix;
    this.passed = 0;
    this.failed = 0;
  }
  ok(name) {
    this.passed += 1;
    console.log(`ok - ${this.prefix}${name}`);
  }
  notOk(name, reason) {
    this.failed += 1;
    console.log(`not ok - ${this.prefix}${name}: ${String(reason).split('\n').join('\n    ')}`);
  }
  async check(name, body) {
    try {
      await body();
      this.ok(name);
    } catch (error) {
      this.notOk(name, error?.stack ?? error);
    }
  }
  finish() {
    console.log(`${this.passed} passed, ${this.failed} failed`);
    process.exitCode = this.failed > 0 ? 1 : 0;
  }
}
