import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { AcmeSearchProviderService } from "./service"

export default ModuleProvider(Modules.SEARCH, { services: [AcmeSearchProviderService] })
