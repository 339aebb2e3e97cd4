// Jest's order (slowest or largest spec files first), except for the e2e specs that wait for the shared shop
// (`sharedShop()` / `sharedShopBuilt()`, see integration-tests/e2e/shared-shop/): on a fresh clone the shop needs
// 2-3 minutes to build and seed, and a spec started before that only holds a worker idle. They run after the first
// few others instead, by which time the shop is up.
const fs = require("node:fs")
const Sequencer = require("@jest/test-sequencer").default

const RUN_FIRST = 6

function waitsForSharedShop(test) {
  return /\bsharedShop(Built)?\(/.test(fs.readFileSync(test.path, "utf8"))
}

class TiendaSequencer extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests)
    const waiting = sorted.filter(waitsForSharedShop)
    const others = sorted.filter((test) => !waiting.includes(test))
    return [...others.slice(0, RUN_FIRST), ...waiting, ...others.slice(RUN_FIRST)]
  }
}

module.exports = TiendaSequencer
