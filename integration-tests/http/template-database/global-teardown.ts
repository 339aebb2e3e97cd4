import fs from "node:fs"
import { dropTemplate } from "../../helpers/test-database"
import { testFilesDir } from "../../helpers/test-files"

export default async function dropTemplateDatabase(): Promise<void> {
  await dropTemplate()
  fs.rmSync(testFilesDir(), { recursive: true, force: true })
}
