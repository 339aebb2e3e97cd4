/** The provider's identifier: index definitions select it with `provider: "elasticsearch"`. */
export const ELASTICSEARCH_IDENTIFIER = "elasticsearch"

/**
 * `code` of the MedusaError thrown when Elasticsearch cannot be reached or answers too slowly. The app's error
 * handler turns it into a 503 (see the plugin README, "Errors").
 */
export const SEARCH_UNAVAILABLE_CODE = "search_unavailable"

/** Analyzer names written into every index this provider creates. */
export const ANALYZERS = {
  /** Full tokens: standard tokenizer, lowercase, ASCII folding, the configured language's stemmer. */
  text: "tienda_text",
  /** Edge n-grams of each unstemmed token: the index side of prefix matching. */
  prefix: "tienda_prefix",
  /** Unstemmed tokens: the search side of prefix matching ("hoodi" must reach "hoodies", which `text` stems). */
  plain: "tienda_plain",
} as const

/** Sub-field names added to declared fields. */
export const SUBFIELDS = {
  /** Exact value of a text field (filters, facets, sorting). */
  raw: "raw",
  /** Analyzed copy of a searchable keyword field. */
  text: "text",
  /** Edge n-grams of a searchable field. */
  prefix: "prefix",
} as const

/** Elasticsearch refuses `from + size` above this (index.max_result_window). */
export const MAX_RESULT_WINDOW = 10_000

/** Where the provider keeps the definition inside an index's mapping (`_meta`). */
export const META_KEY = "tienda_search"
