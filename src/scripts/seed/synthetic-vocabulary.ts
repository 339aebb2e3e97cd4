/**
 * Words the synthetic catalog builds product names from, grouped into families that each belong to one of the demo
 * store's leaf categories. Prices are EUR minor units; weights grams; sizes millimetres.
 */

export interface SyntheticFamily {
  /** Handle of a demo leaf category (data/categories.json). */
  category: string
  /** Product type value. */
  type: string
  /** Every noun goes with every material of the family. */
  nouns: string[]
  materials: string[]
  /** The one option: "Color" picks three colours from the palette, otherwise the three given values. */
  axis: "Color" | { title: string; values: [string, string, string] }
  /** Whole-euro price range. */
  euros: [number, number]
  /** Weight range in grams. */
  grams: [number, number]
  /** Packed length, width, height in millimetres. */
  box: [number, number, number]
}

const CLOTHING_SIZES = { title: "Size", values: ["S", "M", "L"] } as SyntheticFamily["axis"]
const BED_SIZES = { title: "Bed Size", values: ["Single", "Double", "King"] } as SyntheticFamily["axis"]

export const ADJECTIVES = [
  "Classic",
  "Relaxed",
  "Everyday",
  "Heritage",
  "Coastal",
  "Alpine",
  "Urban",
  "Vintage",
  "Essential",
  "Tailored",
  "Weekend",
  "Nordic",
  "Riviera",
  "Harbour",
  "Meadow",
  "Sierra",
  "Atlas",
  "Costa",
  "Village",
  "Studio",
  "Field",
  "Island",
  "Market",
  "Terrace",
  "Garden",
  "Orchard",
  "Sunday",
  "Traveller",
  "Workshop",
  "Highland",
]

export const PALETTE = [
  "Black",
  "White",
  "Navy",
  "Olive",
  "Sand",
  "Rust",
  "Sage",
  "Charcoal",
  "Ecru",
  "Cobalt",
  "Mustard",
  "Clay",
]

export const FAMILIES: SyntheticFamily[] = [
  {
    category: "tops",
    type: "T-Shirt",
    axis: CLOTHING_SIZES,
    euros: [19, 59],
    grams: [150, 300],
    box: [300, 250, 25],
    nouns: ["Tee", "Long-Sleeve Tee", "Henley", "Tank Top"],
    materials: ["Cotton", "Organic Cotton", "Slub Jersey"],
  },
  {
    category: "tops",
    type: "Shirt",
    axis: CLOTHING_SIZES,
    euros: [39, 99],
    grams: [200, 400],
    box: [320, 260, 30],
    nouns: ["Shirt", "Overshirt", "Camp Shirt", "Polo"],
    materials: ["Linen", "Oxford", "Flannel", "Chambray"],
  },
  {
    category: "tops",
    type: "Knitwear",
    axis: CLOTHING_SIZES,
    euros: [69, 189],
    grams: [280, 700],
    box: [330, 270, 60],
    nouns: ["Sweater", "Cardigan", "Turtleneck", "Vest"],
    materials: ["Merino", "Lambswool", "Cashmere", "Cotton"],
  },
  {
    category: "outerwear",
    type: "Jacket",
    axis: CLOTHING_SIZES,
    euros: [89, 389],
    grams: [400, 1900],
    box: [450, 350, 90],
    nouns: ["Jacket", "Parka", "Coat", "Bomber"],
    materials: ["Waxed Cotton", "Wool", "Ripstop", "Corduroy", "Denim"],
  },
  {
    category: "bottoms",
    type: "Trousers",
    axis: CLOTHING_SIZES,
    euros: [39, 159],
    grams: [280, 900],
    box: [360, 280, 45],
    nouns: ["Chinos", "Trousers", "Shorts", "Cargo Pants", "Jeans"],
    materials: ["Twill", "Linen", "Denim", "Corduroy", "Canvas"],
  },
  {
    category: "bags",
    type: "Bag",
    axis: "Color",
    euros: [29, 419],
    grams: [250, 2200],
    box: [450, 320, 150],
    nouns: ["Tote", "Backpack", "Weekender", "Sling Bag", "Duffel", "Messenger Bag"],
    materials: ["Canvas", "Leather", "Nylon", "Suede", "Waxed Canvas"],
  },
  {
    category: "hats-scarves",
    type: "Headwear",
    axis: "Color",
    euros: [19, 89],
    grams: [40, 250],
    box: [280, 200, 60],
    nouns: ["Beanie", "Scarf", "Snood"],
    materials: ["Wool", "Cashmere", "Alpaca", "Merino"],
  },
  {
    category: "hats-scarves",
    type: "Headwear",
    axis: "Color",
    euros: [19, 69],
    grams: [40, 150],
    box: [280, 200, 120],
    nouns: ["Cap", "Bucket Hat", "Bandana"],
    materials: ["Cotton", "Linen", "Corduroy", "Silk"],
  },
  {
    category: "small-leather-goods",
    type: "Leather Goods",
    axis: "Color",
    euros: [15, 95],
    grams: [25, 250],
    box: [150, 110, 30],
    nouns: ["Wallet", "Card Holder", "Belt", "Key Loop", "Coin Pouch", "Passport Cover"],
    materials: ["Leather", "Suede", "Pebbled Leather", "Bridle Leather", "Nubuck"],
  },
  {
    category: "kitchen-dining",
    type: "Tableware",
    axis: "Color",
    euros: [12, 99],
    grams: [300, 3500],
    box: [300, 300, 150],
    nouns: ["Mug", "Bowl", "Jug", "Plate Set", "Teapot"],
    materials: ["Stoneware", "Porcelain", "Enamel", "Earthenware"],
  },
  {
    category: "kitchen-dining",
    type: "Kitchenware",
    axis: "Color",
    euros: [15, 89],
    grams: [200, 1600],
    box: [450, 220, 40],
    nouns: ["Serving Board", "Salad Servers", "Utensil Set"],
    materials: ["Olive Wood", "Oak", "Acacia", "Walnut"],
  },
  {
    category: "kitchen-dining",
    type: "Textiles",
    axis: "Color",
    euros: [12, 69],
    grams: [150, 900],
    box: [300, 220, 40],
    nouns: ["Tea Towels", "Tablecloth", "Napkins", "Apron"],
    materials: ["Linen", "Cotton", "Waffle Cotton"],
  },
  {
    category: "bedding-bath",
    type: "Bedding",
    axis: BED_SIZES,
    euros: [39, 229],
    grams: [400, 2200],
    box: [400, 300, 80],
    nouns: ["Duvet Cover", "Fitted Sheet", "Pillowcases", "Quilt"],
    materials: ["Linen", "Percale", "Sateen", "Washed Cotton"],
  },
  {
    category: "bedding-bath",
    type: "Textiles",
    axis: "Color",
    euros: [15, 149],
    grams: [180, 1400],
    box: [350, 250, 70],
    nouns: ["Bath Towel", "Bath Mat", "Robe", "Throw"],
    materials: ["Waffle Cotton", "Terry", "Turkish Cotton", "Merino"],
  },
  {
    category: "decor",
    type: "Candle",
    axis: "Color",
    euros: [15, 59],
    grams: [200, 900],
    box: [110, 110, 120],
    nouns: ["Candle", "Pillar Candle", "Travel Candle"],
    materials: ["Soy Wax", "Beeswax", "Rapeseed Wax"],
  },
  {
    category: "decor",
    type: "Decor",
    axis: "Color",
    euros: [19, 149],
    grams: [300, 6000],
    box: [300, 300, 300],
    nouns: ["Vase", "Planter", "Bowl", "Lamp Base"],
    materials: ["Ceramic", "Terracotta", "Stoneware", "Glass"],
  },
  {
    category: "decor",
    type: "Textiles",
    axis: "Color",
    euros: [25, 249],
    grams: [200, 9000],
    box: [600, 200, 200],
    nouns: ["Cushion Cover", "Rug", "Wall Hanging"],
    materials: ["Linen", "Jute", "Wool", "Cotton"],
  },
]

/** The options every synthetic product picks its values from (global options, shared by all of them). */
export function sharedOptionSpecs(): { title: string; values: string[] }[] {
  const specs = new Map<string, Set<string>>([["Color", new Set(PALETTE)]])
  for (const family of FAMILIES) {
    if (family.axis !== "Color") {
      const values = specs.get(family.axis.title) ?? new Set<string>()
      family.axis.values.forEach((value) => values.add(value))
      specs.set(family.axis.title, values)
    }
  }
  return [...specs].map(([title, values]) => ({ title, values: [...values] }))
}
