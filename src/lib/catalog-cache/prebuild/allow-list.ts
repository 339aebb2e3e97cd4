/**
 * What a rendering context built ahead (prebuild.ts) may vary. Medusa's middlewares have already
 * validated the request (known fields, a region that exists, the key's own sales channels) before the read model
 * sees it; but several parameters Medusa takes as any string would each name a new context — a whole catalog to
 * render — while changing nothing a storefront needs. Those must name something the store has:
 * - `region_id`: the region Medusa priced the request in (so it exists);
 * - `country_code`: a country of that region (lowercase ISO 3166-1, as Medusa stores them);
 * - `province`: a province the country's tax regions name (another province is taxed as the country anyway);
 * - `locale`: a locale the store supports (none unless Medusa's translation feature is set up);
 * - `fields` (at most MAX_FIELDS characters) and `sales_channel_id`: as Medusa validated them;
 * each at most once, by its plain name. Anything else is rendered on demand only, never ahead.
 */
export const CONTEXT_PARAMS = ["fields", "region_id", "country_code", "province", "locale", "sales_channel_id"]
const MAX_FIELDS = 400

export interface ContextFacts {
  /** The region of the request's pricing context (Medusa's), if it has one. */
  regionId?: string
  /** ISO codes of that region's countries. */
  regionCountries: string[]
  /** Province codes of the tax regions of the requested country (lowercase). */
  provinces: string[]
  /** Locale codes the store supports (lowercase). */
  locales: string[]
}

/** Why this context may not be built ahead, or undefined when it may. `query`: the context's parameters. */
export function prebuildRefusal(query: string, facts: ContextFacts): string | undefined {
  const params = new URLSearchParams(query)
  const seen = new Set<string>()
  for (const [name] of params) {
    if (!CONTEXT_PARAMS.includes(name) || seen.has(name)) {
      return `parameter ${name} not allowed (once, by its plain name)`
    }
    seen.add(name)
  }
  const region = params.get("region_id")
  const country = params.get("country_code")
  const province = params.get("province")
  const locale = params.get("locale")
  const fields = params.get("fields")
  if (region !== null && region !== facts.regionId) {
    return "region_id is not the region the request was priced in"
  }
  if (country !== null && (!facts.regionId || !facts.regionCountries.includes(country))) {
    return "country_code is not a country of the region"
  }
  if (province !== null && (country === null || !facts.provinces.includes(province.toLowerCase()))) {
    return "province is not a tax province of the country"
  }
  if (locale !== null && !facts.locales.includes(locale.toLowerCase())) {
    return "locale is not one the store supports"
  }
  if (fields !== null && fields.length > MAX_FIELDS) {
    return `fields longer than ${MAX_FIELDS} characters`
  }
  return undefined
}

type Graph = (input: {
  entity: string
  fields: string[]
  filters?: Record<string, unknown>
}) => Promise<{ data: any[] }>

/** The facts a context's parameters need, read through Medusa's query graph (only those the query names). */
export async function contextFacts(query: string, regionId: string | undefined, graph: Graph): Promise<ContextFacts> {
  const params = new URLSearchParams(query)
  const country = params.get("country_code")
  const facts: ContextFacts = { regionId, regionCountries: [], provinces: [], locales: [] }
  if (regionId && country !== null) {
    const { data } = await graph({ entity: "region", fields: ["countries.iso_2"], filters: { id: regionId } })
    facts.regionCountries = (data[0]?.countries ?? []).map((c: { iso_2: string }) => c.iso_2)
  }
  if (country !== null && params.get("province") !== null) {
    const { data } = await graph({
      entity: "tax_region",
      fields: ["province_code"],
      filters: { country_code: country },
    })
    facts.provinces = data
      .map((row) => row.province_code)
      .filter(Boolean)
      .map((code: string) => code.toLowerCase())
  }
  if (params.get("locale") !== null) {
    try {
      const { data } = await graph({ entity: "store", fields: ["supported_locales.locale_code"] })
      facts.locales = (data[0]?.supported_locales ?? []).map((l: { locale_code: string }) =>
        l.locale_code.toLowerCase()
      )
    } catch {
      // No locales configured (the translation feature is off): none is supported.
    }
  }
  return facts
}
