import { Module } from "@medusajs/framework/utils"
import { EMAIL_LOG_MODULE } from "../../utils/constants"
import EmailLogModuleService from "./service"

export default Module(EMAIL_LOG_MODULE, { service: EmailLogModuleService })
