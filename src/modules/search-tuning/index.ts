import { Module } from "@medusajs/framework/utils"
import SearchTuningModuleService from "./service"

/** Container key of Tienda's search tuning module: synonyms and the storefront query log. */
export const SEARCH_TUNING_MODULE = "searchTuning"

export default Module(SEARCH_TUNING_MODULE, { service: SearchTuningModuleService })
