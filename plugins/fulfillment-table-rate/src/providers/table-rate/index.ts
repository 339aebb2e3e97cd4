import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import TableRateFulfillmentProviderService from "./service"

export default ModuleProvider(Modules.FULFILLMENT, { services: [TableRateFulfillmentProviderService] })
