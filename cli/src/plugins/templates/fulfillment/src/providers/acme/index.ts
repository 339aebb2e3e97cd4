import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { AcmeFulfillmentProviderService } from "./service"

export default ModuleProvider(Modules.FULFILLMENT, { services: [AcmeFulfillmentProviderService] })
