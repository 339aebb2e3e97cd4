import path from "node:path"
import { stateDirOf } from "../../lib/secrets/state-dir"
import { readSetting } from "../../lib/settings/read-settings"
import { fileSettings } from "../../lib/settings/groups/files"
import { serverSettings } from "../../lib/settings/groups/server"

export interface ImmutableLocalFileOptions {
  /**
   * Absolute path of the folder files are written to. Outside `.medusa/server`, which `medusa build` recreates.
   * @default `<state>/uploads` (TIENDA_FILE_DIR)
   */
  uploadDir: string
  /**
   * What a file's URL starts with: the backend's `/static`, or a CDN in front of it. A file's URL is
   * `<publicUrl>/<key>`, and the backend serves it at `/static/<key>`.
   * @default `<MEDUSA_BACKEND_URL>/static` when that is an absolute URL, else `http://localhost:<PORT>/static`
   */
  publicUrl: string
}

/**
 * The options medusa-config.ts gives the provider, from TIENDA_FILE_DIR, TIENDA_FILE_URL, MEDUSA_BACKEND_URL, PORT
 * and TIENDA_STATE_DIR alone (`tienda backup` reads the folder from here too, whatever else is set).
 */
export function fileStorageOf(projectRoot: string, env: NodeJS.ProcessEnv = process.env): ImmutableLocalFileOptions {
  const dir = readSetting(fileSettings.dir, env)
  const uploadDir = dir ? path.resolve(projectRoot, dir) : path.join(stateDirOf(projectRoot, env), "uploads")
  const backendUrl = readSetting(serverSettings.backendUrl, env)
  const backend = /^https?:\/\//i.test(backendUrl)
    ? backendUrl.replace(/\/+$/, "")
    : `http://localhost:${readSetting(serverSettings.port, env)}`
  const publicUrl = readSetting(fileSettings.publicUrl, env) ?? `${backend}/static`
  return { uploadDir, publicUrl: publicUrl.replace(/\/+$/, "") }
}

/**
 * Every problem with the options (the provider's `validateOptions` refuses the boot with all of them). Without
 * Medusa imports: the `tienda` CLI reads `fileStorageOf` from this file.
 */
export function optionProblems(options: Partial<ImmutableLocalFileOptions> | undefined): string[] {
  const problems: string[] = []
  const dir = options?.uploadDir
  if (typeof dir !== "string" || !path.isAbsolute(dir)) {
    problems.push(`uploadDir must be an absolute path (got ${JSON.stringify(dir)})`)
  } else if (path.resolve(dir) === path.resolve(process.cwd(), "static")) {
    // Medusa's own express.static answers /static from <cwd>/static before any route, with max-age=0 and its own
    // names: files there would never get the immutable headers.
    problems.push(`uploadDir must not be ${dir}: Medusa serves that folder itself, without cache headers`)
  }
  let url: URL | undefined
  try {
    url = new URL(options?.publicUrl ?? "")
  } catch {
    url = undefined
  }
  if (!url || !["http:", "https:"].includes(url.protocol) || url.search || url.hash) {
    problems.push(
      `publicUrl must be an http(s) URL without query or fragment (got ${JSON.stringify(options?.publicUrl)})`
    )
  }
  return problems
}
