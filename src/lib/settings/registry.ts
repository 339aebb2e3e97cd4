import type { ParsedGroup, SettingDefinition } from "./define"
import { DOCUMENTED_VARIABLES } from "./documented"
import { apiDocsSettings } from "./groups/api-docs"
import { backupSettings } from "./groups/backups"
import { catalogCacheSettings } from "./groups/catalog-cache"
import { checkoutSettings } from "./groups/checkout"
import { clientAddressSettings } from "./groups/client-address"
import { corsSettings } from "./groups/cors"
import { databaseSettings } from "./groups/database"
import { elasticsearchSettings } from "./groups/elasticsearch"
import { emailSettings } from "./groups/email"
import { fileSettings } from "./groups/files"
import { httpCachingSettings } from "./groups/http-caching"
import { medusaCacheSettings } from "./groups/medusa-cache"
import { observabilitySettings } from "./groups/observability"
import { orderSettings } from "./groups/orders"
import { paymentSettings } from "./groups/payments"
import { rateLimitSettings } from "./groups/rate-limits"
import { redisSettings } from "./groups/redis"
import { searchSettings } from "./groups/search"
import { serverSettings } from "./groups/server"

/** Every setting of the app, by group: `settings().<group>.<key>`. README's Configuration documents each. */
export const SETTING_GROUPS = {
  server: serverSettings,
  database: databaseSettings,
  redis: redisSettings,
  cors: corsSettings,
  clientAddress: clientAddressSettings,
  rateLimits: rateLimitSettings,
  orders: orderSettings,
  checkout: checkoutSettings,
  medusaCache: medusaCacheSettings,
  catalogCache: catalogCacheSettings,
  httpCaching: httpCachingSettings,
  files: fileSettings,
  apiDocs: apiDocsSettings,
  search: searchSettings,
  payments: paymentSettings,
  elasticsearch: elasticsearchSettings,
  email: emailSettings,
  observability: observabilitySettings,
  backups: backupSettings,
}

export type SettingGroups = typeof SETTING_GROUPS

export type Settings = { readonly [G in keyof SettingGroups]: ParsedGroup<SettingGroups[G]> }

export function settingDefinitions(): SettingDefinition<unknown>[] {
  return Object.values(SETTING_GROUPS).flatMap((group) => Object.values(group) as SettingDefinition<unknown>[])
}

/** Every variable name the docs must describe: the parsed settings and the documented-only ones. */
export function registeredVariableNames(): string[] {
  return [...settingDefinitions().map((definition) => definition.name), ...DOCUMENTED_VARIABLES.map((v) => v.name)]
}
