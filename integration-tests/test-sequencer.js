// The order spec files start in, the same on every machine. Jest's own order comes from its timing cache, which a
// fresh clone (CI) lacks; it then goes by file size, which put the specs made of shared suites (tiny files that run
// 1-4 minutes) last, and the run ended on one busy worker (jest 950 s against 760 s in a good order).
// - Longest first, by the seconds measured below (2 cores, one worker per core); a spec not listed goes after them,
//   largest file first. Add a new spec that runs longer than ~15 s to the table.
// - The e2e spec that needs neither the shared shop nor a database template (the CLI's own project) starts first:
//   on a fresh clone the first HTTP spec makes the templates (migrate, then seed: 2-3 minutes), and this keeps the
//   other worker busy meanwhile.
// - The e2e specs that wait for the shared shop (`sharedShop()` / `sharedShopBuilt()`, see
//   integration-tests/e2e/shared-shop/) run after the first few others: the shop needs 2-3 minutes to build and
//   seed, and a spec started before that only holds a worker idle.
const fs = require("node:fs")
const path = require("node:path")
const Sequencer = require("@jest/test-sequencer").default

/** Seconds each long spec took in a full run (2026-11-24). */
const MEASURED_SECONDS = {
  "integration-tests/e2e/cli-plugins.spec.ts": 256,
  "integration-tests/http/shop.spec.ts": 232,
  "integration-tests/e2e/start-and-admin-login.spec.ts": 151,
  "plugins/payment-paypal/integration-tests/paypal-checkout.spec.ts": 98,
  "integration-tests/http/payments-stripe.spec.ts": 96,
  "integration-tests/http/security.spec.ts": 83,
  "integration-tests/e2e/checkout-two-processes.spec.ts": 67,
  "integration-tests/http/catalog-cache.spec.ts": 65,
  "plugins/search-elasticsearch/integration-tests/store-search.spec.ts": 62,
  "plugins/payment-offline/integration-tests/offline-payments.spec.ts": 59,
  "plugins/fulfillment-table-rate/integration-tests/http/table-rate.spec.ts": 56,
  "cli/src/__tests__/cli-arguments.spec.ts": 44,
  "integration-tests/http/search.spec.ts": 38,
  "integration-tests/http/security-rate-limit.spec.ts": 34,
  "integration-tests/e2e/table-rate-admin.spec.ts": 24,
  "integration-tests/http/locking.spec.ts": 24,
  "src/__tests__/medusa-config.spec.ts": 22,
  "integration-tests/e2e/offline-payment-widget.spec.ts": 21,
  "integration-tests/e2e/search-admin.spec.ts": 17,
}
const RUN_FIRST = 6
const ROOT = path.resolve(__dirname, "..")

const relative = (test) => path.relative(ROOT, test.path).split(path.sep).join("/")
const seconds = (test) => MEASURED_SECONDS[relative(test)] ?? 0
const size = (test) => fs.statSync(test.path).size

function waitsForSharedShop(test) {
  return /\bsharedShop(Built)?\(/.test(fs.readFileSync(test.path, "utf8"))
}

class TiendaSequencer extends Sequencer {
  async sort(tests) {
    const sorted = [...tests].sort((a, b) => seconds(b) - seconds(a) || size(b) - size(a))
    const waiting = sorted.filter(waitsForSharedShop)
    const independent = sorted.filter((test) => relative(test).startsWith("integration-tests/e2e/") && !waiting.includes(test))
    const others = sorted.filter((test) => !waiting.includes(test) && !independent.includes(test))
    return [...independent, ...others.slice(0, RUN_FIRST), ...waiting, ...others.slice(RUN_FIRST)]
  }
}

module.exports = TiendaSequencer
