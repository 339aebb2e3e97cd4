import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { BoundedCachingProvider } from "./service"

export default ModuleProvider(Modules.CACHING, { services: [BoundedCachingProvider] })
