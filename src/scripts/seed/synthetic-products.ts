/**
 * Generates synthetic products, each from its sequence number alone: the same number always gives the same
 * product, and numbers never repeat, so handles ("coastal-linen-shirt-1234") and SKUs ("SYN-0001234-M") are unique
 * across runs. Pure functions, no database.
 */
import { ADJECTIVES, FAMILIES, PALETTE, type SyntheticFamily } from "./synthetic-vocabulary"
import type { InventoryData, ProductData } from "./types"

/** Every synthetic SKU starts with this; the seed finds the highest sequence used so far through it. */
export const SYNTHETIC_SKU_PREFIX = "SYN-"
const SEQUENCE_DIGITS = 7

export interface SyntheticProduct {
  product: ProductData
  family: SyntheticFamily
  /** Stock of each variant by location key. */
  inventory: InventoryData
}

/** mulberry32: a small, fast, seedable PRNG (quality is irrelevant here, determinism is the point). */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]
}

function between(rand: () => number, [min, max]: [number, number]): number {
  return min + Math.floor(rand() * (max - min + 1))
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
}

function valueCode(value: string): string {
  return value
    .replace(/[^A-Za-z]/g, "")
    .slice(0, 3)
    .toUpperCase()
}

/** "SYN-0001234" for sequence 1234. */
export function syntheticSkuStem(sequence: number): string {
  return SYNTHETIC_SKU_PREFIX + String(sequence).padStart(SEQUENCE_DIGITS, "0")
}

/** The sequence number in a synthetic SKU, or null for any other SKU. */
export function sequenceOfSku(sku: string): number | null {
  const match = new RegExp(`^${SYNTHETIC_SKU_PREFIX}(\\d{${SEQUENCE_DIGITS}})-`).exec(sku)
  return match ? Number(match[1]) : null
}

/** Three distinct colours. */
function threeColours(rand: () => number): string[] {
  const colours = new Set<string>()
  while (colours.size < 3) {
    colours.add(pick(rand, PALETTE))
  }
  return [...colours]
}

/** Shelf-style price: a whole euro amount ending in .00, .50 or .95, in cents; USD about 10 % above. */
function prices(rand: () => number, family: SyntheticFamily): { eur: number; usd: number } {
  const euros = between(rand, family.euros)
  const eur = euros * 100 + pick(rand, [0, 0, 50, 95])
  // Integer maths only: USD is EUR + 10 %, rounded up to a whole dollar.
  const usd = Math.ceil((eur * 11) / 1000) * 100
  return { eur, usd }
}

export function syntheticProduct(sequence: number, locationKeys: string[]): SyntheticProduct {
  const rand = random(Math.imul(sequence, 2654435761))
  const family = pick(rand, FAMILIES)
  const material = pick(rand, family.materials)
  const title = `${pick(rand, ADJECTIVES)} ${material} ${pick(rand, family.nouns)}`
  const optionTitle = family.axis === "Color" ? "Color" : family.axis.title
  const values = family.axis === "Color" ? threeColours(rand) : [...family.axis.values]
  const price = prices(rand, family)
  const baseWeight = between(rand, family.grams)
  const stem = syntheticSkuStem(sequence)
  const inventory: InventoryData = {}

  const variants = values.map((value, index) => {
    const sku = `${stem}-${valueCode(value)}`
    inventory[sku] = Object.fromEntries(locationKeys.map((key) => [key, between(rand, [0, 80])]))
    return {
      title: value,
      sku,
      options: { [optionTitle]: value },
      prices: price,
      // Bigger sizes weigh a little more.
      weight: family.axis === "Color" ? baseWeight : Math.round(baseWeight * (0.92 + 0.08 * index)),
      length: family.box[0],
      width: family.box[1],
      height: family.box[2],
    }
  })

  return {
    family,
    inventory,
    product: {
      handle: `${slug(title)}-${sequence}`,
      title,
      subtitle: `${family.axis === "Color" ? "Three colours" : "Three sizes"}, synthetic #${sequence}`,
      description: `A generated ${title.toLowerCase()} for load and search testing.`,
      type: family.type,
      categories: [family.category],
      collection: null,
      tags: [],
      material,
      origin_country: pick(rand, ["es", "pt", "it", "fr", "de"]),
      options: [{ title: optionTitle, values }],
      variants,
    },
  }
}
