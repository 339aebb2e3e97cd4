import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { ImmutableLocalFileProviderService } from "./service"

export default ModuleProvider(Modules.FILE, { services: [ImmutableLocalFileProviderService] })
