import { createMigratedTemplate } from "../../helpers/test-database"

/** Migrates the template database that every HTTP spec's database is copied from (see helpers/test-database.ts). */
export default async function migrateTemplateDatabase(): Promise<void> {
  const started = Date.now()
  await createMigratedTemplate()
  console.log(`\nMigrated the template database for the HTTP specs in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
