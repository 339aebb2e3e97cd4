// Jest's order (slowest or largest spec files first), with two changes:
// - The e2e specs that need neither the shared shop nor a database template (the CLI's own project) go first.
//   On a fresh clone the first HTTP spec makes the templates (migrate, then seed: 2-3 minutes) while the other
//   worker would otherwise wait for them too; this keeps that worker busy. Measured: jest 760 s with the CLI spec
//   first, 871-906 s with jest's cache-less order (by file size), where two HTTP specs waited for the templates.
// - The e2e specs that wait for the shared shop (`sharedShop()` / `sharedShopBuilt()`, see
//   integration-tests/e2e/shared-shop/) run after the first few others: the shop needs 2-3 minutes to build and
//   seed, and a spec started before that only holds a worker idle.
const fs = require("node:fs")
const path = require("node:path")
const Sequencer = require("@jest/test-sequencer").default

const RUN_FIRST = 6
const E2E_DIR = `${path.sep}integration-tests${path.sep}e2e${path.sep}`

function waitsForSharedShop(test) {
  return /\bsharedShop(Built)?\(/.test(fs.readFileSync(test.path, "utf8"))
}

class TiendaSequencer extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests)
    const waiting = sorted.filter(waitsForSharedShop)
    const independent = sorted.filter((test) => test.path.includes(E2E_DIR) && !waiting.includes(test))
    const others = sorted.filter((test) => !waiting.includes(test) && !independent.includes(test))
    return [...independent, ...others.slice(0, RUN_FIRST), ...waiting, ...others.slice(RUN_FIRST)]
  }
}

module.exports = TiendaSequencer
