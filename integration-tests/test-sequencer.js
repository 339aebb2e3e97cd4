// Jest's order (slowest first from its timing cache; on a clean clone, largest file first), with two changes:
// - A spec made of shared suites (`integrationSuites`, see helpers/test-runner.ts) weighs what its suites weigh:
//   by its own few lines it would start last, and as the longest spec it would then hold the whole run up.
// - The e2e specs that wait for the shared shop (`sharedShop()` / `sharedShopBuilt()`, see
//   integration-tests/e2e/shared-shop/): on a fresh clone the shop needs 2-3 minutes to build and seed, and a spec
//   started before that only holds a worker idle. They run after the first few others instead, by which time the
//   shop is up.
const fs = require("node:fs")
const path = require("node:path")
const Sequencer = require("@jest/test-sequencer").default

const RUN_FIRST = 6

function waitsForSharedShop(test) {
  return /\bsharedShop(Built)?\(/.test(fs.readFileSync(test.path, "utf8"))
}

/** The file's size plus the sizes of the suites it imports from `./suites/`. */
function weight(test) {
  const source = fs.readFileSync(test.path, "utf8")
  const suites = [...source.matchAll(/from "(\.\/suites\/[^"]+)"/g)].map((match) => path.resolve(path.dirname(test.path), `${match[1]}.ts`))
  return [test.path, ...suites].reduce((sum, file) => sum + (fs.existsSync(file) ? fs.statSync(file).size : 0), 0)
}

class TiendaSequencer extends Sequencer {
  async sort(tests) {
    let sorted = await super.sort(tests)
    if (sorted.every((test) => test.duration == null)) {
      const weights = new Map(sorted.map((test) => [test, weight(test)]))
      sorted = [...sorted].sort((a, b) => weights.get(b) - weights.get(a))
    }
    const waiting = sorted.filter(waitsForSharedShop)
    const others = sorted.filter((test) => !waiting.includes(test))
    return [...others.slice(0, RUN_FIRST), ...waiting, ...others.slice(RUN_FIRST)]
  }
}

module.exports = TiendaSequencer
