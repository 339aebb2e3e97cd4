import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { AcmeNotificationProviderService } from "./service"

export default ModuleProvider(Modules.NOTIFICATION, { services: [AcmeNotificationProviderService] })
