import { DEFAULT_ADMISSION_LIMITS, PrebuildAdmission } from "../prebuild/admission"
import { contextFacts, prebuildRefusal, type ContextFacts } from "../prebuild/allow-list"
import { isInternalPrebuild, PREBUILD_HEADER, prebuildHeaderValue } from "../prebuild/secret"

const MINUTE = 60_000
const limits = { threshold: 5, windowMs: 10 * MINUTE, idleMs: 60 * MINUTE, perKey: 3, total: 5, candidates: 50 }

/** `n` distinct requests of a context; true when the last one says the context may be admitted. */
function requests(admission: PrebuildAdmission<number>, key: string, query: string, n: number, now = 0): boolean {
  let ready = false
  for (let i = 0; i < n; i++) {
    ready = admission.sighting(key, query, `page-${i}`, now)
  }
  return ready
}

function admitted(admission: PrebuildAdmission<number>): string[] {
  return admission.contexts().map((context) => `${context.publishableKey}?${context.query}`)
}

describe("prebuild admission: which rendering contexts are built ahead", () => {
  it("never admits a context on a single request, nor on one URL asked again and again", () => {
    const admission = new PrebuildAdmission<number>(limits)
    expect(admission.sighting("pk", "region_id=reg_1", "page-0", 0)).toBe(false)
    expect(admission.admit("pk", "region_id=reg_1", 1, 0)).toBeUndefined()
    for (let i = 0; i < 100; i++) {
      expect(admission.sighting("pk", "fields=id", "the-same-page", i)).toBe(false)
    }
    expect(admission.admit("pk", "fields=id", 1, 100)).toBeUndefined()
    expect(admitted(admission)).toEqual([])
  })

  it("admits a context after `threshold` distinct requests within the window, not when they are spread wider", () => {
    const admission = new PrebuildAdmission<number>(limits)
    expect(requests(admission, "pk", "region_id=reg_1", 4)).toBe(false)
    expect(admission.sighting("pk", "region_id=reg_1", "page-4", MINUTE)).toBe(true)
    expect(admission.admit("pk", "region_id=reg_1", 1, MINUTE)).toMatchObject({
      publishableKey: "pk",
      query: "region_id=reg_1",
    })
    // Once admitted, it is not a candidate again.
    expect(admission.sighting("pk", "region_id=reg_1", "page-5", MINUTE)).toBe(false)

    // Four requests, then the fifth after the window: the count starts again.
    requests(admission, "pk", "region_id=reg_2", 4, 0)
    expect(admission.sighting("pk", "region_id=reg_2", "page-4", 11 * MINUTE)).toBe(false)
    expect(admission.admit("pk", "region_id=reg_2", 1, 11 * MINUTE)).toBeUndefined()
  })

  it("keeps at most `perKey` contexts per publishable key and `total` in all", () => {
    const admission = new PrebuildAdmission<number>(limits)
    for (const query of ["a=1", "a=2", "a=3", "a=4"]) {
      requests(admission, "pk1", query, 5)
      admission.admit("pk1", query, 1, 0)
    }
    expect(admitted(admission)).toEqual(["pk1?a=1", "pk1?a=2", "pk1?a=3"])
    for (const query of ["b=1", "b=2", "b=3"]) {
      requests(admission, "pk2", query, 5)
      admission.admit("pk2", query, 1, 0)
    }
    expect(admitted(admission)).toEqual(["pk1?a=1", "pk1?a=2", "pk1?a=3", "pk2?b=1", "pk2?b=2"])
  })

  it("lets a flood of distinct contexts evict no context that traffic uses, only ones idle for `idleMs`", () => {
    const admission = new PrebuildAdmission<number>(limits)
    requests(admission, "pk", "storefront", 5)
    admission.admit("pk", "storefront", 1, 0)
    // The attacker fills the key's other places, with enough requests each.
    for (let i = 0; i < 2; i++) {
      requests(admission, "pk", `flood-${i}`, 5)
      admission.admit("pk", `flood-${i}`, 1, 0)
    }
    // The storefront keeps using its context (through the URL cache or the fast path).
    for (let minute = 1; minute <= 120; minute++) {
      admission.use("pk", "storefront", minute * MINUTE)
      // A thousand new contexts a minute, each asked for five times: none of them gets a place while the flood's
      // own earlier contexts are still young, and after that only those (unused, idle) give theirs up.
      for (let i = 0; i < 1_000; i++) {
        const query = `flood-${minute}-${i}`
        if (requests(admission, "pk", query, 5, minute * MINUTE)) {
          admission.admit("pk", query, 1, minute * MINUTE)
        }
      }
      expect(admitted(admission)).toContain("pk?storefront")
    }
    expect(admitted(admission)).toContain("pk?storefront")
    expect(admitted(admission).length).toBe(3)
  })

  it("keeps a real context's candidacy through a flood of one-request contexts", () => {
    const admission = new PrebuildAdmission<number>(limits)
    requests(admission, "pk", "storefront", 3)
    for (let i = 0; i < 10_000; i++) {
      admission.sighting("pk", `flood-${i}`, "page-0", 1)
    }
    expect(admission.sighting("pk", "storefront", "page-3", 2)).toBe(false)
    expect(admission.sighting("pk", "storefront", "page-4", 2)).toBe(true)
    expect(admission.admit("pk", "storefront", 1, 2)).toBeDefined()
  })

  it("a rejected candidate gathers its requests again", () => {
    const admission = new PrebuildAdmission<number>(limits)
    expect(requests(admission, "pk", "locale=xx", 5)).toBe(true)
    admission.reject("pk", "locale=xx")
    expect(admission.admit("pk", "locale=xx", 1, 0)).toBeUndefined()
    expect(requests(admission, "pk", "locale=xx", 4)).toBe(false)
  })

  it("has defaults that admit only after several requests", () => {
    expect(DEFAULT_ADMISSION_LIMITS.threshold).toBeGreaterThan(1)
    expect(DEFAULT_ADMISSION_LIMITS.perKey).toBeLessThanOrEqual(DEFAULT_ADMISSION_LIMITS.total)
  })
})

describe("prebuild allow-list: what a context may vary", () => {
  const facts: ContextFacts = {
    regionId: "reg_eu",
    regionCountries: ["es", "de"],
    provinces: ["es-m"],
    locales: ["en-us"],
  }

  it("accepts what names something the store has", () => {
    for (const query of [
      "",
      "fields=id%2Ctitle",
      "region_id=reg_eu",
      "country_code=es&region_id=reg_eu",
      "country_code=es&province=ES-M&region_id=reg_eu",
      "locale=en-US",
      "sales_channel_id=sc_1",
    ]) {
      expect({ query, refusal: prebuildRefusal(query, facts) }).toEqual({ query, refusal: undefined })
    }
  })

  it("refuses free-form values, unknown places and locales, repeats and bracketed names", () => {
    for (const query of [
      "region_id=reg_other",
      "country_code=us&region_id=reg_eu",
      "country_code=ES&region_id=reg_eu",
      "province=es-m",
      "country_code=es&province=anything&region_id=reg_eu",
      "locale=xx-YY",
      "region_id=reg_eu&region_id=reg_eu",
      "region_id%5B%5D=reg_eu",
      `fields=${"id,".repeat(200)}`,
    ]) {
      expect({ query, refusal: prebuildRefusal(query, facts) }).toEqual({ query, refusal: expect.any(String) })
    }
    // Without a pricing context, a country changes nothing: not built ahead.
    expect(prebuildRefusal("country_code=es", { ...facts, regionId: undefined })).toEqual(expect.any(String))
  })

  it("reads only the facts the query names; no locale when the store has none", async () => {
    const asked: string[] = []
    const graph = async (input: { entity: string }) => {
      asked.push(input.entity)
      if (input.entity === "store") {
        throw new Error("no supported_locales")
      }
      return { data: input.entity === "region" ? [{ countries: [{ iso_2: "es" }] }] : [{ province_code: "ES-M" }] }
    }
    expect(await contextFacts("fields=id", "reg_eu", graph)).toEqual({
      regionId: "reg_eu",
      regionCountries: [],
      provinces: [],
      locales: [],
    })
    expect(asked).toEqual([])
    const all = await contextFacts("country_code=es&province=es-m&locale=en-US", "reg_eu", graph)
    expect(all).toEqual({ regionId: "reg_eu", regionCountries: ["es"], provinces: ["es-m"], locales: [] })
    expect(asked).toEqual(["region", "tax_region", "store"])
  })
})

describe("prebuild secret: how the prebuild's own requests are told apart", () => {
  it("accepts only this process's secret; a client's header, empty, wrong or repeated, is ignored", () => {
    expect(isInternalPrebuild({ headers: { [PREBUILD_HEADER]: prebuildHeaderValue() } })).toBe(true)
    for (const value of [
      undefined,
      "",
      "1",
      "true",
      prebuildHeaderValue().slice(1),
      `${prebuildHeaderValue()}x`,
      [prebuildHeaderValue()],
    ]) {
      expect(isInternalPrebuild({ headers: { [PREBUILD_HEADER]: value } })).toBe(false)
    }
    expect(prebuildHeaderValue().length).toBeGreaterThanOrEqual(40)
  })
})
