import path from "node:path"
import { serverSettings } from "../settings/groups/server"
import { readSetting } from "../settings/read-settings"

/**
 * The project folder of a medusa-config file. `medusa build` copies the config into `.medusa/server`, and
 * `medusa start` loads it from there, so a config in `<root>/.medusa/server` belongs to `<root>`.
 */
export function projectRootOf(configDir: string): string {
  const dir = path.resolve(configDir)
  if (path.basename(dir) === "server" && path.basename(path.dirname(dir)) === ".medusa") {
    return path.dirname(path.dirname(dir))
  }
  return dir
}

/**
 * Tienda's state folder: TIENDA_STATE_DIR (a relative path is taken from the project folder, never from the working
 * directory, which is `.medusa/server` for `medusa start`), default `<root>/.tienda`.
 */
export function stateDirOf(projectRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  const asked = readSetting(serverSettings.stateDir, env)
  return asked ? path.resolve(projectRoot, asked) : path.join(projectRoot, ".tienda")
}
