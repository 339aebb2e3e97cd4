import path from "node:path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { ACME_MODULE } from "../src/modules/acme"
import type { AcmeModuleService } from "../src/modules/acme/service"

jest.setTimeout(60_000)

/** Runs the module on a real PostgreSQL database (DB_HOST…; `npm test` provides one), schema from its migrations. */
moduleIntegrationTestRunner<AcmeModuleService>({
  moduleName: ACME_MODULE,
  resolve: path.join(__dirname, "../src/modules/acme"),
  pathToMigrations: path.join(__dirname, "../src/modules/acme/migrations"),
  testSuite: ({ service }) => {
    it("creates, lists and updates entries", async () => {
      const created = await service.createAcmeEntries({ label: "first", quantity: 2 })
      expect(created.id).toMatch(/^acme/)

      const [entries, count] = await service.listAndCountAcmeEntries({ label: "first" })
      expect(count).toBe(1)
      expect(entries[0]).toEqual(expect.objectContaining({ label: "first", quantity: 2 }))

      const updated = await service.updateAcmeEntries({ id: created.id, quantity: 5 })
      expect(updated.quantity).toBe(5)
    })

    it("soft-deletes entries", async () => {
      const created = await service.createAcmeEntries({ label: "gone" })
      await service.softDeleteAcmeEntries(created.id)
      expect(await service.listAcmeEntries({ id: created.id })).toEqual([])
    })
  },
})
