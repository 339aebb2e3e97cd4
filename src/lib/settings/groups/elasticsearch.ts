import { optional } from "../define"
import { wholeNumber, positiveInteger } from "../types/numbers"
import { text } from "../types/text"

/**
 * The Elasticsearch provider (plugins/search-elasticsearch), on when `url` is set. Unset options are left to the
 * plugin's defaults, and it validates them at boot (URLs, credentials, the CA file, the prefix).
 */
export const elasticsearchSettings = {
  url: optional("ELASTICSEARCH_URL", text, "node URL(s), comma-separated: Elasticsearch becomes the search provider"),
  apiKey: optional("ELASTICSEARCH_API_KEY", text, "API key (base64 encoded value)"),
  username: optional("ELASTICSEARCH_USERNAME", text, "basic-auth user"),
  password: optional("ELASTICSEARCH_PASSWORD", text, "basic-auth password"),
  caFile: optional("ELASTICSEARCH_CA_FILE", text, "CA certificate (PEM file) for https"),
  indexPrefix: optional("ELASTICSEARCH_INDEX_PREFIX", text, "prefix of every index and alias"),
  timeoutMs: optional("ELASTICSEARCH_TIMEOUT_MS", positiveInteger("milliseconds"), "how long one search may wait"),
  replicas: optional("ELASTICSEARCH_REPLICAS", wholeNumber("replicas"), "replicas per index"),
}
