import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { integrationTestRunner } from "../helpers/test-runner"
import { adminHeaders, createAdmin } from "../helpers/admin"
import { writeBackupFixture } from "../helpers/backup-fixtures"
import { failure } from "../helpers/store"
import { writeBackupStatus } from "../../src/lib/backups/backup-status"

jest.setTimeout(120_000)

// Read when the app boots: set before the runner loads it. The schedule is left at its defaults.
const backupsDir = fs.mkdtempSync(path.join(os.tmpdir(), "tienda-admin-backups-"))
process.env.TIENDA_BACKUP_DIR = backupsDir
for (const name of ["TIENDA_BACKUP_INTERVAL_HOURS", "TIENDA_BACKUP_KEEP", "TIENDA_PG_WAL_ARCHIVE"]) {
  delete process.env[name]
}
afterAll(() => {
  delete process.env.TIENDA_BACKUP_DIR
  fs.rmSync(backupsDir, { recursive: true, force: true })
})

const OLDER = { createdAt: "2026-12-01T03:00:00.000Z", bytes: 10_485_760, orders: 5, tables: 3, seconds: 12.5 }
const NEWER = { createdAt: "2026-12-02T03:00:00.000Z", bytes: 12_582_912, orders: 7, tables: 4, seconds: 14 }

function writeFixtures(): void {
  writeBackupFixture(backupsDir, "20261201T030000Z", OLDER)
  const newer = writeBackupFixture(backupsDir, "20261202T030000Z", NEWER)
  // The newest folder by name, but its manifest is cut short; and an interrupted backup, complete manifest and all.
  fs.mkdirSync(path.join(backupsDir, "20261203T030000Z"))
  fs.writeFileSync(path.join(backupsDir, "20261203T030000Z", "manifest.json"), '{"format": "tienda-backup/1", "crea')
  writeBackupFixture(backupsDir, "20261204T030000Z.partial", { ...NEWER, createdAt: "2026-12-04T03:00:00.000Z" })
  writeSuccessStatus(newer)
}

function writeSuccessStatus(dir: string): void {
  writeBackupStatus(backupsDir, {
    at: NEWER.createdAt,
    ok: true,
    dir,
    bytes: NEWER.bytes,
    seconds: NEWER.seconds,
    orders: NEWER.orders,
    tables: NEWER.tables,
    verifiedAt: "2026-12-02T03:00:20.000Z",
    verified: true,
  })
}

/** Every string in an answer, at any depth. */
function stringsOf(value: unknown): string[] {
  if (typeof value === "string") {
    return [value]
  }
  return value && typeof value === "object" ? Object.values(value).flatMap(stringsOf) : []
}

/**
 * GET /admin/backups on fixture backup folders: the complete backups newest first (a broken manifest and a `.partial`
 * folder left out), pages, the newest attempt without a filesystem path, the schedule's defaults, refused queries.
 */
integrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }

    beforeAll(async () => {
      writeFixtures()
      await createAdmin(getContainer())
    })

    beforeEach(async () => {
      admin = await adminHeaders(api)
    })

    it("lists the complete backups newest first, with the newest attempt and the schedule, and no path", async () => {
      const { data } = await api.get("/admin/backups", admin)
      expect(data).toEqual({
        backups: [
          {
            name: "20261202T030000Z",
            created_at: NEWER.createdAt,
            bytes: NEWER.bytes,
            orders: 7,
            tables: 4,
            seconds: 14,
          },
          {
            name: "20261201T030000Z",
            created_at: OLDER.createdAt,
            bytes: OLDER.bytes,
            orders: 5,
            tables: 3,
            seconds: 12.5,
          },
        ],
        count: 2,
        limit: 20,
        offset: 0,
        last: {
          at: NEWER.createdAt,
          ok: true,
          dir: "20261202T030000Z",
          bytes: NEWER.bytes,
          seconds: 14,
          orders: 7,
          verified_at: "2026-12-02T03:00:20.000Z",
          verified: true,
          error: null,
        },
        schedule: { interval_hours: 24, keep: 7, wal_archive: true },
      })
      expect(stringsOf(data).filter((text) => text.includes("/"))).toEqual([])
    })

    it("pages through the list", async () => {
      const page = async (query: string) => (await api.get(`/admin/backups?${query}`, admin)).data
      const first = await page("limit=1")
      expect(first).toMatchObject({ count: 2, limit: 1, offset: 0 })
      expect(first.backups.map((b: { name: string }) => b.name)).toEqual(["20261202T030000Z"])
      const second = await page("limit=1&offset=1")
      expect(second).toMatchObject({ count: 2, limit: 1, offset: 1 })
      expect(second.backups.map((b: { name: string }) => b.name)).toEqual(["20261201T030000Z"])
      expect(await page("offset=5")).toMatchObject({ backups: [], count: 2, offset: 5 })
    })

    it("tells a failed attempt with its error, paths reduced to the file's name", async () => {
      writeBackupStatus(backupsDir, {
        at: "2026-12-03T03:00:05.000Z",
        ok: false,
        error: `could not write ${backupsDir}/20261203T030000Z.partial/base.tar.gz: No space left on device`,
      })
      try {
        const { data } = await api.get("/admin/backups", admin)
        expect(data.last).toEqual({
          at: "2026-12-03T03:00:05.000Z",
          ok: false,
          dir: null,
          bytes: null,
          seconds: null,
          orders: null,
          verified_at: null,
          verified: null,
          error: "could not write …/base.tar.gz: No space left on device",
        })
        expect(JSON.stringify(data)).not.toContain(backupsDir)
      } finally {
        writeSuccessStatus(path.join(backupsDir, "20261202T030000Z"))
      }
    })

    it("answers an empty list, and no attempt, when the backups folder does not exist", async () => {
      const away = `${backupsDir}-away`
      fs.renameSync(backupsDir, away)
      try {
        const { data } = await api.get("/admin/backups", admin)
        expect(data).toMatchObject({ backups: [], count: 0, last: null })
      } finally {
        fs.renameSync(away, backupsDir)
      }
    })

    it("refuses a limit out of 1–100, a negative offset and unknown parameters, naming them", async () => {
      for (const query of ["limit=0", "limit=101", "offset=-1", "limit=abc"]) {
        const refused = await failure(api.get(`/admin/backups?${query}`, admin))
        expect({ query, status: refused.status }).toEqual({ query, status: 400 })
        expect(refused.data.message).toMatch(/limit|offset/)
      }
      // Every spelling Express dispatches to the route is validated too (never a 500 from a skipped validator).
      for (const spelling of ["/ADMIN/Backups", "/admin/backups/", "/admin/BACKUPS//"]) {
        const refused = await failure(api.get(`${spelling}?limit=0`, admin))
        expect({ spelling, status: refused.status }).toEqual({ spelling, status: 400 })
      }
      const unknown = await failure(api.get("/admin/backups?order=-created_at&dir=/etc", admin))
      expect(unknown.status).toBe(400)
      expect(unknown.data.message).toMatch(/order/)
      expect(unknown.data.message).toMatch(/dir/)
    })

    it("answers 401 without an admin token", async () => {
      expect((await failure(api.get("/admin/backups"))).status).toBe(401)
      expect((await failure(api.get("/admin/backups", { headers: { authorization: "Bearer nope" } }))).status).toBe(401)
    })
  },
})
