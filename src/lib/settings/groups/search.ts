import { setting } from "../define"
import { currencyCodes } from "../types/currency-codes"
import { wholeNumber } from "../types/numbers"

/** Storefront search: the index's currencies, query tuning and search insights (src/search/README.md). */
export const searchSettings = {
  currencies: setting(
    "TIENDA_SEARCH_CURRENCIES",
    currencyCodes,
    ["eur", "usd"],
    "currencies the index keeps prices of"
  ),
  countTtlSeconds: setting(
    "TIENDA_SEARCH_COUNT_TTL",
    wholeNumber("seconds"),
    30,
    "seconds a typo-tolerance count is kept"
  ),
  insightsDays: setting("TIENDA_SEARCH_INSIGHTS_DAYS", wholeNumber("days"), 90, "days insights are kept; 0: off"),
  insightsQueriesPerDay: setting(
    "TIENDA_SEARCH_INSIGHTS_QUERIES_PER_DAY",
    wholeNumber("queries"),
    1000,
    "distinct queries kept per day"
  ),
}
