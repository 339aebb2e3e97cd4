/**
 * Which drawing, in which colours, shows each product of data/products.json: its own drawing by handle (a product
 * added later gets its type's), in the first value of its Color option (or its material), on its category's
 * background.
 */
import { Canvas, type Rgb } from "./canvas"
import { BACKGROUND, hex, lightness, MATERIAL, named } from "./colors"
import { ACCESSORIES } from "./drawings/accessories"
import { APPAREL } from "./drawings/apparel"
import { HOME } from "./drawings/home"
import type { Drawing } from "./look"
import type { RgbImage } from "./png"
import type { ProductData } from "../seed/types"

/** Output size: portrait 4:5, as storefront product cards crop them; about 15 KB each as PNG. */
export const IMAGE_WIDTH = 600

export const DRAWINGS: Record<string, Drawing> = { ...APPAREL, ...ACCESSORIES, ...HOME }

interface Choice {
  drawing: string
  /** A colour name (colors.ts) or a material, instead of the first Color option. */
  color?: string | Rgb
  accent?: string | Rgb
}

const BY_HANDLE: Record<string, Choice> = {
  "organic-cotton-crew-tee": { drawing: "tee" },
  "heavyweight-pocket-tee": { drawing: "pocket-tee" },
  "breton-stripe-long-sleeve-tee": { drawing: "striped-tee", color: "Ecru", accent: "Navy" },
  "linen-camp-collar-shirt": { drawing: "camp-shirt" },
  "oxford-button-down-shirt": { drawing: "oxford-shirt" },
  "pique-polo-shirt": { drawing: "polo" },
  "merino-crewneck-sweater": { drawing: "sweater" },
  "cable-knit-cardigan": { drawing: "cardigan" },
  "loopback-cotton-hoodie": { drawing: "hoodie" },
  "waxed-cotton-field-jacket": { drawing: "field-jacket" },
  "quilted-liner-vest": { drawing: "vest" },
  "wool-overcoat": { drawing: "overcoat" },
  "packable-rain-shell": { drawing: "rain-shell" },
  "denim-trucker-jacket": { drawing: "trucker" },
  "slim-chino-trousers": { drawing: "chinos" },
  "linen-drawstring-trousers": { drawing: "drawstring-trousers" },
  "selvedge-denim-jeans": { drawing: "jeans" },
  "chino-shorts": { drawing: "shorts" },
  "relaxed-joggers": { drawing: "joggers" },
  "canvas-tote-bag": { drawing: "tote" },
  "leather-weekender-bag": { drawing: "weekender" },
  "roll-top-backpack": { drawing: "backpack" },
  "crossbody-sling-bag": { drawing: "sling" },
  "esparto-market-basket": { drawing: "basket", color: MATERIAL.straw },
  "ribbed-wool-beanie": { drawing: "beanie" },
  "washed-cotton-cap": { drawing: "cap" },
  "straw-panama-hat": { drawing: "panama", color: "Black" },
  "lambswool-scarf": { drawing: "scarf", accent: "Cream" },
  "silk-bandana": { drawing: "bandana", accent: "Cream" },
  "leather-card-holder": { drawing: "card-holder" },
  "bifold-wallet": { drawing: "wallet", color: "Cognac" },
  "leather-belt": { drawing: "belt" },
  "leather-key-loop": { drawing: "key-loop" },
  "stoneware-mug": { drawing: "mug", color: "Terracotta", accent: "Speckled White" },
  "stoneware-dinner-plates": { drawing: "plates", accent: "Dark Brown" },
  "olive-wood-serving-board": { drawing: "board", color: MATERIAL.wood },
  "linen-tea-towels": { drawing: "tea-towel", accent: "Navy" },
  "glass-water-carafe": { drawing: "carafe", color: MATERIAL.glass },
  "stovetop-espresso-maker": { drawing: "moka", color: MATERIAL.aluminium },
  "stonewashed-linen-duvet-cover": { drawing: "duvet", color: "Clay" },
  "percale-pillowcase-pair": { drawing: "pillowcases" },
  "waffle-bath-towel": { drawing: "bath-towel", color: "Sand" },
  "turkish-cotton-beach-towel": { drawing: "beach-towel", accent: "Cobalt Blue" },
  "merino-throw-blanket": { drawing: "throw" },
  "soy-wax-candle": { drawing: "candle", color: "Cream" },
  "terracotta-plant-pot": { drawing: "plant-pot", color: MATERIAL.terracotta },
  "hand-woven-jute-rug": { drawing: "rug", color: MATERIAL.jute, accent: "Dark Brown" },
  "ceramic-bud-vase": { drawing: "bud-vase", color: "Cobalt Blue" },
  "linen-cushion-cover": { drawing: "cushion" },
}

/** A product added to the data without its own entry above is drawn as its type. */
const BY_TYPE: Record<string, string> = {
  "T-Shirt": "tee",
  Shirt: "oxford-shirt",
  Knitwear: "sweater",
  Sweatshirt: "hoodie",
  Jacket: "field-jacket",
  Coat: "overcoat",
  Trousers: "chinos",
  Jeans: "jeans",
  Shorts: "shorts",
  Bag: "tote",
  Headwear: "beanie",
  Scarf: "scarf",
  "Leather Goods": "wallet",
  Tableware: "mug",
  Kitchenware: "board",
  Textiles: "tea-towel",
  Bedding: "duvet",
  Candle: "candle",
  Decor: "plant-pot",
  Rug: "rug",
}

const colorOf = (value: string | Rgb): Rgb => (typeof value === "string" ? named(value) : value)

export interface Illustration {
  drawing: string
  color: Rgb
  accent: Rgb
  background: Rgb
}

export function illustrationOf(product: ProductData): Illustration {
  const choice: Choice = BY_HANDLE[product.handle] ?? { drawing: BY_TYPE[product.type] }
  if (!choice.drawing || !DRAWINGS[choice.drawing]) {
    throw new Error(
      `demo images: no drawing for "${product.handle}" (type ${product.type}): add one to illustrations.ts`
    )
  }
  const firstColor = product.options.find((option) => option.title === "Color")?.values[0]
  const color = colorOf(choice.color ?? firstColor ?? "Natural")
  const accent = colorOf(choice.accent ?? (lightness(color) > 150 ? "Navy" : "Cream"))
  const background = BACKGROUND[product.categories[0]] ?? hex("#f2eee8")
  return { drawing: choice.drawing, color, accent, background }
}

/** The product's image, as pixels (png.ts writes them). */
export function renderProductImage(product: ProductData, width = IMAGE_WIDTH): RgbImage {
  const { drawing, color, accent, background } = illustrationOf(product)
  const canvas = new Canvas(width, background)
  DRAWINGS[drawing](canvas, { color, accent })
  return canvas.image()
}
