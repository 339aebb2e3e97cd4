/**
 * Colours of the demo images: each product is drawn in the first value of its Color option (the names used in
 * data/products.json) or its material, on a soft background of its category.
 */
import type { Rgb } from "./canvas"

export function hex(value: string): Rgb {
  const n = parseInt(value.replace("#", ""), 16)
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]
}

export const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
]

/** Towards black by `amount` (0–1): folds, insides, seams. */
export const shade = (color: Rgb, amount: number): Rgb => mix(color, [0, 0, 0], amount)
/** Towards white by `amount` (0–1): highlights. */
export const tint = (color: Rgb, amount: number): Rgb => mix(color, [255, 255, 255], amount)

/** Perceived lightness 0–255: details are drawn darker on light colours and lighter on dark ones. */
export const lightness = (c: Rgb): number => 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]

/** A detail colour that shows on `color`. */
export const detail = (color: Rgb, amount = 0.22): Rgb =>
  lightness(color) > 90 ? shade(color, amount) : tint(color, amount + 0.08)

/** Colour names of data/products.json (the first word of patterned ones: "Grey Check" → its ground). */
export const NAMED: Record<string, string> = {
  White: "#f4f1ea",
  "Speckled White": "#efeae0",
  Black: "#2b2b2d",
  Navy: "#26324f",
  Olive: "#6b6b3a",
  Stone: "#bdb4a4",
  Ecru: "#ece3cf",
  Red: "#b83a32",
  Sand: "#d8c3a0",
  "Sky Blue": "#9cc3e0",
  "Light Blue": "#b9d0e8",
  "Bottle Green": "#2f5a45",
  Charcoal: "#45474b",
  Oatmeal: "#d9ccb4",
  Forest: "#355e3b",
  Cream: "#efe4cc",
  Camel: "#c19a6b",
  "Heather Grey": "#a7a9ac",
  Grey: "#b3b5b8",
  Khaki: "#b5a477",
  Yellow: "#e8c547",
  Indigo: "#3d5a80",
  "Raw Indigo": "#2c3e63",
  Natural: "#e3d6bb",
  Tan: "#b98552",
  "Dark Brown": "#5a3d2b",
  Brown: "#6b4a33",
  Cognac: "#9a5b2e",
  Mustard: "#d4a537",
  Terracotta: "#c8694a",
  Sage: "#9fae8f",
  Clay: "#c48f74",
  "Cobalt Blue": "#2f56a6",
  "Grey Check": "#8e9297",
  "Paisley Red": "#a8322d",
  "Paisley Blue": "#2d4f8a",
  "Natural Stripe": "#e3d6bb",
  "Blue Stripe": "#f1ede3",
  "Terracotta Stripe": "#f1e6d8",
}

export function named(name: string): Rgb {
  const value = NAMED[name]
  if (!value) {
    throw new Error(`demo images: no colour for "${name}" (add it to NAMED in colors.ts)`)
  }
  return hex(value)
}

/** Materials drawn without a Color option. */
export const MATERIAL = {
  straw: hex("#d9bf83"),
  wood: hex("#b07d4f"),
  glass: hex("#cfe3e6"),
  aluminium: hex("#b9bcc0"),
  terracotta: hex("#c46a45"),
  jute: hex("#c9a86a"),
  wax: hex("#f3ead6"),
  leaf: hex("#5f8a57"),
  brass: hex("#c9a44c"),
  steel: hex("#8d9196"),
  flame: hex("#f2a93b"),
}

/** Background by the product's first category (data/categories.json), soft enough that any colour shows on it. */
export const BACKGROUND: Record<string, Rgb> = {
  tops: hex("#f2ece3"),
  outerwear: hex("#e6ecef"),
  bottoms: hex("#eee8df"),
  bags: hex("#f1e7dd"),
  "hats-scarves": hex("#e8eee6"),
  "small-leather-goods": hex("#f0e9e1"),
  "kitchen-dining": hex("#ecf0ea"),
  "bedding-bath": hex("#e9ecf2"),
  decor: hex("#f3ebe4"),
}
