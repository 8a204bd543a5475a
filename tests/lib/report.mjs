// TAP-like lines and the closing `N passed, N failed` every suite ends with.
export class Report {
  constructor(prefix = '', write = (line) => console.log(line)) {
    this.prefix = prefix;
    this.write = write;
    this.passed = 0;
    this.failed = 0;
  }
  ok(name) {
    this.passed += 1;
    this.write(`ok - ${this.prefix}${name}`);
  }
  notOk(name, reason) {
    this.failed += 1;
    this.write(`not ok - ${this.prefix}${name}: ${String(reason).split('\n').join('\n    ')}`);
  }
  note(text) {
    this.write(`# ${text}`);
  }
  // A part whose lines are held back until `merge`, so parts that run side by side
  // still print as one block each.
  part() {
    const lines = [];
    const part = new Report(this.prefix, (line) => lines.push(line));
    part.lines = lines;
    return part;
  }
  merge(part) {
    for (const line of part.lines) this.write(line);
    this.passed += part.passed;
    this.failed += part.failed;
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
