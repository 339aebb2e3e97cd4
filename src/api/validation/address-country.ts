import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, defaultCountries, MedusaError, Modules } from "@medusajs/framework/utils"

const ISO_ALPHA_2 = new Set(defaultCountries.map((country) => country.alpha2.toLowerCase()))
const ADDRESS_FIELDS = ["shipping_address", "billing_address"] as const

/** A problem with a country code, or nothing: ISO 3166-1 alpha-2, and one of `allowed` when given. */
export function countryCodeProblem(value: unknown, field: string, allowed?: Set<string>): string | undefined {
  if (value === undefined || value === null) {
    return undefined
  }
  if (typeof value !== "string" || !ISO_ALPHA_2.has(value.toLowerCase())) {
    return `${field} must be an ISO 3166-1 alpha-2 country code such as "es" or "us"`
  }
  if (allowed && !allowed.has(value.toLowerCase())) {
    return `${field} "${value.toLowerCase()}" is not a country of the cart's region (allowed: ${[...allowed].sort().join(", ")})`
  }
  return undefined
}

/**
 * Cart creation and update: the addresses' country codes must be ISO 3166-1 alpha-2 and belong to the cart's region.
 * Medusa checks the region on update but not on creation, where "zz" or 10,000 characters were stored.
 */
export async function requireRegionCountries(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
): Promise<void> {
  const body = (req.body ?? {}) as Record<string, any>
  const codes = ADDRESS_FIELDS.filter(
    (field) => body[field] && typeof body[field] === "object" && body[field].country_code != null
  )
  if (codes.length === 0) {
    return next()
  }
  for (const field of codes) {
    const problem = countryCodeProblem(body[field].country_code, `${field}.country_code`)
    if (problem) {
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, problem))
    }
  }
  const countries = await regionCountries(req, body.region_id)
  for (const field of codes) {
    const problem = countries && countryCodeProblem(body[field].country_code, `${field}.country_code`, countries)
    if (problem) {
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, problem))
    }
  }
  next()
}

/** Customer addresses have no region: the country code must only be a real one. */
export function requireIsoCountry(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction): void {
  const problem = countryCodeProblem((req.body as Record<string, unknown> | undefined)?.country_code, "country_code")
  next(problem ? new MedusaError(MedusaError.Types.INVALID_DATA, problem) : undefined)
}

/** The region named in the body, else the cart's (update), else the store's default (creation). */
async function regionCountries(req: MedusaRequest, regionId: unknown): Promise<Set<string> | undefined> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  let id = typeof regionId === "string" ? regionId : undefined
  const cartId = req.params?.id
  if (!id && cartId) {
    const { data } = await query.graph({ entity: "cart", fields: ["region_id"], filters: { id: cartId } })
    id = data[0]?.region_id ?? undefined
  }
  if (!id) {
    const [store] = await req.scope
      .resolve(Modules.STORE)
      .listStores({}, { select: ["id", "default_region_id"], take: 1 })
    id = store?.default_region_id ?? undefined
  }
  if (!id) {
    return undefined
  }
  const { data } = await query.graph({ entity: "region", fields: ["countries.iso_2"], filters: { id } })
  // An unknown region is Medusa's to report (404 naming it); nothing to compare against here.
  return data[0]
    ? new Set((data[0].countries ?? []).map((country: any) => String(country.iso_2).toLowerCase()))
    : undefined
}
