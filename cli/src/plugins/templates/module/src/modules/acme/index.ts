import { Module } from "@medusajs/framework/utils"
import { AcmeModuleService } from "./service"

export const ACME_MODULE = "acme"

export default Module(ACME_MODULE, { service: AcmeModuleService })
