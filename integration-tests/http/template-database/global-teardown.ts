import { dropTemplate } from "../../helpers/test-database"

export default async function dropTemplateDatabase(): Promise<void> {
  await dropTemplate()
}
