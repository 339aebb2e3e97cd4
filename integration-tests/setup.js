// Each test file boots its own Medusa app; MikroORM's entity registry is global and must start empty.
const { Console } = require("node:console")
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()

// Jest decorates every console line with a stack trace, which buries the test report under Medusa's logs.
// Plain console output instead; and the test runner's database restore between tests closes pooled
// connections on purpose, which knex reports once per connection: that one line is dropped.
const plain = new Console({ stdout: process.stdout, stderr: process.stderr })
const EXPECTED_RESTORE_NOISE = "Connection Error: Connection ended unexpectedly"
global.console = plain
const log = plain.log.bind(plain)
plain.log = (...args) => {
  if (typeof args[0] === "string" && args[0].includes(EXPECTED_RESTORE_NOISE)) {
    return
  }
  log(...args)
}

// Apps under test serve metrics on the app port with a token (their specs set it), never on a shared metrics port:
// several apps run side by side.
process.env.TIENDA_METRICS_PORT ??= "off"

// Stored files of the apps under test and of the seeded template: a folder of this run, never the project's own
// (.tienda/uploads), and URLs on a CDN's host in front of the backend's /static (helpers/test-files.ts).
const { testFilesDir, TEST_FILE_URL } = require("./helpers/test-files")
process.env.TIENDA_FILE_DIR = testFilesDir()
process.env.TIENDA_FILE_URL = TEST_FILE_URL
