import path from "node:path"
import { stateDirOf } from "../secrets/state-dir"
import { backupSettings } from "../settings/groups/backups"
import { readSetting } from "../settings/read-settings"

/** Where backups are written: TIENDA_BACKUP_DIR (relative: from the project folder), default <state>/backups. */
export function backupsDirOf(projectRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  const asked = readSetting(backupSettings.backupDir, env)
  return asked ? path.resolve(projectRoot, asked) : path.join(stateDirOf(projectRoot, env), "backups")
}
