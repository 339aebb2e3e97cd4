import { nameTemplates } from "../../helpers/test-database"

/**
 * Names the template databases every HTTP spec's database is copied from; the first spec that needs one makes it
 * (see helpers/test-database.ts).
 */
export default async function nameTemplateDatabases(): Promise<void> {
  await nameTemplates()
}
