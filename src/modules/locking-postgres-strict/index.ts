import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { StrictPostgresLockProvider } from "./service"

export default ModuleProvider(Modules.LOCKING, { services: [StrictPostgresLockProvider] })
