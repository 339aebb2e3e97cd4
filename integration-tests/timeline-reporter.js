// A jest reporter that writes when each spec file started and ended, relative to the run's start, to
// .tienda/test-timeline.txt (or TIENDA_STATE_DIR). With two workers on two cores, the run's length is decided by
// how the long files are spread over the workers: this file shows where one sat idle.
const fs = require("node:fs")
const path = require("node:path")

class TimelineReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir
    this.started = Date.now()
    this.files = new Map()
  }

  onTestFileStart(test) {
    this.files.set(test.path, { start: Date.now() })
  }

  onTestFileResult(test) {
    const file = this.files.get(test.path)
    if (file) {
      file.end = Date.now()
    }
  }

  onRunComplete() {
    const seconds = (ms) => ((ms - this.started) / 1000).toFixed(1).padStart(6)
    const rows = [...this.files.entries()]
      .filter(([, file]) => file.end !== undefined)
      .sort((a, b) => a[1].start - b[1].start)
      .map(
        ([file, { start, end }]) =>
          `${seconds(start)} ${seconds(end)} ${((end - start) / 1000).toFixed(1).padStart(6)}  ${path.relative(this.rootDir, file)}`
      )
    const state = process.env.TIENDA_STATE_DIR
      ? path.resolve(process.env.TIENDA_STATE_DIR)
      : path.join(this.rootDir, ".tienda")
    try {
      fs.mkdirSync(state, { recursive: true })
      fs.writeFileSync(
        path.join(state, "test-timeline.txt"),
        ["start    end  secs  spec file", ...rows].join("\n") + "\n"
      )
    } catch {
      // A read-only checkout only loses this diagnostic.
    }
  }
}

module.exports = TimelineReporter
