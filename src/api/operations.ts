import { operations as tableRateOperations } from "@tienda/fulfillment-table-rate/api/operations"
import { operations as emailOperations } from "@tienda/notification-smtp/api/operations"
import { operations as offlinePaymentOperations } from "@tienda/payment-offline/api/operations"
import type { ApiOperation } from "../lib/api-docs/operation"
import { backupOperations } from "./admin/backups/operations"
import { searchInsightOperations } from "./admin/search-insights/operations"
import { searchSynonymOperations } from "./admin/search-synonyms/operations"
import { docsOperations } from "./docs/operations"
import { metricsOperations } from "./metrics/operations"
import { readinessOperations } from "./ready/operations"
import { storedFileOperations } from "./static/[key]/operations"
import { autocompleteOperations } from "./store/search/autocomplete/operations"

/** Tienda's own routes, the app's and its plugins': what /docs documents and what carries a version. */
export const APP_OPERATIONS: ApiOperation[] = [
  ...autocompleteOperations,
  ...searchSynonymOperations,
  ...searchInsightOperations,
  ...backupOperations,
  ...readinessOperations,
  ...metricsOperations,
  ...docsOperations,
  ...storedFileOperations,
]

export const PLUGIN_OPERATIONS: ApiOperation[] = [
  ...tableRateOperations,
  ...emailOperations,
  ...offlinePaymentOperations,
]

export const TIENDA_OPERATIONS: ApiOperation[] = [...APP_OPERATIONS, ...PLUGIN_OPERATIONS]
