import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import ElasticsearchSearchProviderService from "./service"

export default ModuleProvider(Modules.SEARCH, { services: [ElasticsearchSearchProviderService] })
