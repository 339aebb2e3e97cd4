import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { embeddedLocations, SYSTEM_DATA_ROOT } from "../data-location"

describe("where the embedded database lives", () => {
  const made: string[] = []
  const folder = (mode: number) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tienda-location-"))
    fs.chmodSync(dir, mode)
    made.push(dir)
    return dir
  }
  afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })))

  it("keeps everything in the state folder by default", () => {
    const root = folder(0o755)
    const state = path.join(root, ".tienda")
    expect(embeddedLocations(root, state, {}, false)).toEqual({
      data: path.join(state, "postgres"),
      walArchive: path.join(state, "postgres-wal-archive"),
      backups: path.join(state, "backups"),
    })
  })

  it("takes the settings, relative ones from the project folder", () => {
    const root = folder(0o755)
    const env = { TIENDA_PG_DATA_DIR: "/disk1/pg", TIENDA_PG_WAL_ARCHIVE_DIR: "archive", TIENDA_BACKUP_DIR: "/disk2/b" }
    expect(embeddedLocations(root, path.join(root, ".tienda"), env, true)).toEqual({
      data: "/disk1/pg",
      walArchive: path.join(root, "archive"),
      backups: "/disk2/b",
    })
  })

  it("moves the server's folders out of a private project folder when root runs it (a clone under /root)", () => {
    const root = path.join(folder(0o700), "shop")
    const state = path.join(root, ".tienda")
    const where = embeddedLocations(root, state, {}, true)
    expect(where.data).toMatch(new RegExp(`^${SYSTEM_DATA_ROOT}/shop-[0-9a-f]{8}/postgres$`))
    expect(where.walArchive).toBe(path.join(path.dirname(where.data), "postgres-wal-archive"))
    expect(where.backups).toBe(path.join(state, "backups"))
    // Not as another user (the server runs as that user), and not when the data is already in the state folder.
    expect(embeddedLocations(root, state, {}, false).data).toBe(path.join(state, "postgres"))
    fs.mkdirSync(path.join(state, "postgres"), { recursive: true })
    fs.writeFileSync(path.join(state, "postgres", "PG_VERSION"), "18\n")
    expect(embeddedLocations(root, state, {}, true).data).toBe(path.join(state, "postgres"))
  })
})
