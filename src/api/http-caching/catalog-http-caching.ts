import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { isCacheable, showsInventory } from "../../lib/catalog-cache/cache-key"
import { CATALOG_VARY, PERSONAL_CACHE_CONTROL, catalogCacheControl } from "../../lib/http-caching/catalog-cache-control"
import { ifNoneMatchHits, strongEntityTag } from "../../lib/http-caching/entity-tag"
import { surrogateKeysOf } from "../../lib/http-caching/surrogate-keys"
import { settings } from "../../lib/settings"

/**
 * HTTP caching of the store catalog (src/lib/http-caching/README.md). An anonymous GET or HEAD of a catalog route
 * (products, categories, collections, regions, tags, types: the catalog cache's own list) answered 200 gets a
 * strong ETag, `Cache-Control: public, …`, `Vary` and surrogate keys, and a matching `If-None-Match` gets 304 with
 * no body. Everything else under /store stays `private, no-store`. A spelling of a catalog path the catalog cache
 * does not recognise is simply not cached publicly.
 */
export function catalogHttpCaching(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void {
  if (!settings().httpCaching.enabled) {
    return next()
  }
  res.setHeader("Cache-Control", PERSONAL_CACHE_CONTROL)
  if (!isPublicCatalogRequest(req)) {
    return next()
  }
  const send = res.send.bind(res)
  res.send = ((body?: unknown) => {
    res.send = send
    if (res.statusCode !== 200 || !(typeof body === "string" || Buffer.isBuffer(body))) {
      return send(body)
    }
    const tag = strongEntityTag(body)
    res.setHeader("ETag", tag)
    res.setHeader("Cache-Control", catalogCacheControl())
    for (const header of CATALOG_VARY) {
      res.vary(header)
    }
    const keys = surrogateKeysOf(body, showsInventory(req.originalUrl)).join(" ")
    // Fastly and Varnish's xkey read Surrogate-Key; Cloudflare reads Cache-Tag (comma-separated).
    res.setHeader("Surrogate-Key", keys)
    res.setHeader("Cache-Tag", keys.replaceAll(" ", ","))
    if (ifNoneMatchHits(req.headers["if-none-match"], tag)) {
      res.removeHeader("Content-Type")
      res.removeHeader("Content-Length")
      res.status(304).end()
      return res
    }
    return send(body)
  }) as MedusaResponse["send"]
  next()
}

function isPublicCatalogRequest(req: MedusaRequest): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") {
    return false
  }
  if (req.headers.authorization !== undefined) {
    return false
  }
  return isCacheable({ method: "GET", originalUrl: req.originalUrl, headers: req.headers })
}
