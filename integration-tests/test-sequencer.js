// The order spec files start in, the same on every run:
// 1. By file size, largest first — jest's order on a machine without its timing cache — never by the durations jest
//    cached from earlier runs. Measured on 2 cores: size order took 733 and 737 s on empty caches; the timing order
//    took 771–873 s, because it starts the two longest files together (cli-plugins' five plugin builds and
//    shop.spec's 50-buyer checkout race) and each slows the other down. A spec that failed last time still goes first.
// 2. The e2e specs that wait for the shared shop (`sharedShop()` / `sharedShopBuilt()`, see
//    integration-tests/e2e/shared-shop/) after the first few: on a fresh clone the shop needs 2-3 minutes to build
//    and seed, and a spec started before that only holds a worker idle.
const fs = require("node:fs")
const Sequencer = require("@jest/test-sequencer").default

const RUN_FIRST = 6

function waitsForSharedShop(test) {
  return /\bsharedShop(Built)?\(/.test(fs.readFileSync(test.path, "utf8"))
}

class TiendaSequencer extends Sequencer {
  // Jest sorts by cached duration when it has one, else by file size: no duration means size order.
  time() {
    return undefined
  }

  async sort(tests) {
    const sorted = await super.sort(tests)
    const waiting = sorted.filter(waitsForSharedShop)
    const others = sorted.filter((test) => !waiting.includes(test))
    return [...others.slice(0, RUN_FIRST), ...waiting, ...others.slice(RUN_FIRST)]
  }
}

module.exports = TiendaSequencer
