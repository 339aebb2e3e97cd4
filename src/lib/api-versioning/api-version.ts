import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { dayStart, negotiateVersion } from "./negotiate-version"
import { API_VERSIONS, type ApiVersion, VERSION_HEADER } from "./versions"

/** Where the versioning policy is explained: the `Link` of a deprecated version points there. */
const POLICY_LINK = '</docs#versioning>; rel="deprecation"; type="text/html"'
const EXPOSED = `${VERSION_HEADER}, Deprecation, Sunset, Link`

/**
 * The version middleware of every Tienda route: the answer says which version served it (`Tienda-Version`), a
 * deprecated version's answers carry `Deprecation` (RFC 9745) and `Sunset` (RFC 8594), an unknown version is
 * answered 400 naming the ones served, and a version past its sunset 410 naming the current one.
 */
export function apiVersion(versions: readonly ApiVersion[] = API_VERSIONS, clock: () => Date = () => new Date()) {
  return function tiendaApiVersion(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void {
    const header = req.headers[VERSION_HEADER.toLowerCase()]
    const requested = Array.isArray(header) ? header.join(",") : header
    const outcome = negotiateVersion(versions, requested, clock())
    res.vary(VERSION_HEADER)
    // A storefront in a browser on another origin may read them (CORS hides other headers from its script).
    res.append("Access-Control-Expose-Headers", EXPOSED)
    if (outcome.kind === "unknown") {
      res.status(400).json({
        type: "invalid_data",
        message: `${VERSION_HEADER} "${outcome.requested}" is not a version of this API; use one of ${outcome.supported.join(", ")}`,
      })
      return
    }
    if (outcome.kind === "retired") {
      res.setHeader("Sunset", new Date(dayStart(outcome.version.sunset!)).toUTCString())
      res.status(410).json({
        type: "not_allowed",
        message: `${VERSION_HEADER} ${outcome.version.version} was retired on ${outcome.version.sunset}; use ${outcome.current.version}`,
      })
      return
    }
    const { version } = outcome
    res.setHeader(VERSION_HEADER, version.version)
    if (outcome.deprecated) {
      res.setHeader("Deprecation", `@${Math.floor(dayStart(version.deprecated!) / 1000)}`)
      if (version.sunset) {
        res.setHeader("Sunset", new Date(dayStart(version.sunset)).toUTCString())
      }
      res.append("Link", POLICY_LINK)
    }
    ;(req as MedusaRequest & { tiendaVersion?: string }).tiendaVersion = version.version
    next()
  }
}
