import { optional, setting } from "../define"
import { port } from "../types/numbers"
import { oneOf, onOff } from "../types/switches"
import { text } from "../types/text"

/** The process: how it listens, which rules it applies, what it runs. */
export const serverSettings = {
  port: setting("PORT", port, 9000, "HTTP port of the store API, admin API and dashboard"),
  host: optional("HOST", text, "address Medusa listens on (Medusa's own variable; tienda start picks the default)"),
  nodeEnv: optional("NODE_ENV", text, "anything but development/test gets the production rules"),
  local: setting(
    "TIENDA_LOCAL",
    onOff,
    false,
    "set by `tienda start` for a local run: the local rules whatever NODE_ENV"
  ),
  stateDir: optional("TIENDA_STATE_DIR", text, "local state folder, default .tienda (relative: from the project)"),
  workerMode: setting("MEDUSA_WORKER_MODE", oneOf(["shared", "worker", "server"] as const), "shared", "process role"),
  backendUrl: setting("MEDUSA_BACKEND_URL", text, "/", "backend URL the admin dashboard calls (baked in at build)"),
  adminDisabled: setting("DISABLE_MEDUSA_ADMIN", onOff, false, "serve no admin dashboard"),
}
