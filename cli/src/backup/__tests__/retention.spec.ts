import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { listBackups, MANIFEST_FILE } from "../../../../src/lib/backups/backup-manifest"
import { pruneBackups } from "../retention"

describe("backup retention", () => {
  let dir: string
  let archive: string
  const backup = (name: string, firstSegment: string) => {
    fs.mkdirSync(path.join(dir, name))
    fs.writeFileSync(
      path.join(dir, name, MANIFEST_FILE),
      JSON.stringify({ format: "tienda-backup/1", createdAt: name, wal: { firstSegment } })
    )
  }
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tienda-retention-"))
    archive = fs.mkdtempSync(path.join(os.tmpdir(), "tienda-archive-"))
  })
  afterEach(() => [dir, archive].forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

  it("keeps the newest backups and the WAL they need, deletes the rest; a .partial folder is no backup", () => {
    backup("20261201T000000Z", "000000010000000000000002")
    backup("20261202T000000Z", "000000010000000000000005")
    backup("20261203T000000Z", "000000020000000000000009")
    fs.mkdirSync(path.join(dir, "20261204T000000Z.partial"))
    for (const name of [
      "000000010000000000000002",
      "000000010000000000000004",
      "000000010000000000000004.00000028.backup",
      "000000010000000000000005",
      "000000010000000000000006",
      "00000002.history",
      "000000020000000000000009",
    ]) {
      fs.writeFileSync(path.join(archive, name), "")
    }
    expect(listBackups(dir).map((b) => path.basename(b))).toEqual([
      "20261203T000000Z",
      "20261202T000000Z",
      "20261201T000000Z",
    ])

    pruneBackups(dir, archive, 2)

    expect(listBackups(dir).map((b) => path.basename(b))).toEqual(["20261203T000000Z", "20261202T000000Z"])
    expect(fs.readdirSync(archive).sort()).toEqual([
      "000000010000000000000005",
      "000000010000000000000006",
      "00000002.history",
      "000000020000000000000009",
    ])
  })
})
