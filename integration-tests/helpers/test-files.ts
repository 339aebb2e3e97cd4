import os from "node:os"
import path from "node:path"

/**
 * Where the apps under test and the seeded template keep stored files (product images, admin uploads): a folder of
 * this run, never the project's own `<state>/uploads`. `integration-tests/setup.js` points TIENDA_FILE_DIR at it in
 * every HTTP worker (the seed's child process inherits it), the HTTP global teardown removes it.
 */
export function testFilesDir(): string {
  return path.join(os.tmpdir(), `${process.env.TIENDA_TEST_TEMPLATE_DB ?? `tienda-test-${process.ppid}`}-files`)
}

/** The public base of stored files' URLs in tests: a CDN's host in front of the backend's /static. */
export const TEST_FILE_URL = "http://cdn.tienda.test/static"
