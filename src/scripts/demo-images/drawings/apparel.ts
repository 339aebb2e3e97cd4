/**
 * Garments laid flat: one parametric top (sleeves, neck, front, pockets, ribbing, pattern) and one parametric pair
 * of trousers, and the products of data/products.json as settings of those two.
 */
import type { Canvas, Point, Shape } from "../canvas"
import { detail, MATERIAL, shade, tint } from "../colors"
import { ground, type Drawing, type Look } from "../look"
import { curve, dashes, ellipse, polygon, rect, roundRect, stripes, stroke, symmetric, union } from "../shapes"

interface TopSpec {
  sleeves: "short" | "long" | "none"
  /** y of the hem. */
  hem: number
  neck: "crew" | "v" | "shirt" | "polo" | "camp" | "hood" | "lapel" | "stand"
  front?: "buttons" | "zip" | "open"
  pockets?: "chest" | "four" | "kangaroo" | "chest-flaps" | "hips"
  ribbed?: boolean
  striped?: boolean
  quilted?: boolean
  seams?: boolean
  buttonDown?: boolean
}

const NECK_SIDE: Point = [164, 76]
const HALF_WIDTH = 96

function frontNeckY(spec: TopSpec): number {
  switch (spec.neck) {
    case "v":
      return spec.front === "open" ? 210 : 150
    case "camp":
      return 150
    case "lapel":
      return 236
    case "stand":
      return 70
    default:
      return 98
  }
}

function sleevePoints(spec: TopSpec): { points: Point[]; cuff?: [Point, Point, Point, Point] } {
  const shoulder: Point = [200 - HALF_WIDTH - 10, 96]
  const armpit: Point = [200 - HALF_WIDTH, 176]
  if (spec.sleeves === "none") {
    return { points: [[132, 86], ...curve([132, 86], [126, 150], [104, 180])] }
  }
  if (spec.sleeves === "short") {
    return { points: [shoulder, [48, 160], [80, 188], [200 - HALF_WIDTH + 2, 168]] }
  }
  const outer: Point = [38, spec.hem - 40]
  const inner: Point = [78, spec.hem - 34]
  const k = 0.09
  const cuff: [Point, Point, Point, Point] = [
    outer,
    inner,
    [inner[0] + k * (armpit[0] - inner[0]), inner[1] + k * (armpit[1] - inner[1])],
    [outer[0] + k * (shoulder[0] - outer[0]), outer[1] + k * (shoulder[1] - outer[1])],
  ]
  return { points: [shoulder, outer, inner, armpit], cuff }
}

function topOutline(spec: TopSpec): Shape {
  const y = frontNeckY(spec)
  const neck: Point[] =
    spec.neck === "v" || spec.neck === "camp" || spec.neck === "lapel"
      ? [[200, y], NECK_SIDE]
      : [[200, y], ...curve([200, y], [172, y], NECK_SIDE, 8)]
  const { points } = sleevePoints(spec)
  return symmetric([...neck, ...points, [200 - HALF_WIDTH - 4, spec.hem], [200, spec.hem]])
}

const mirror = (points: Point[]): Point[] => points.map(([x, y]): Point => [400 - x, y])
const pair = (points: Point[]): Shape => union(polygon(points), polygon(mirror(points)))

function neckline(canvas: Canvas, spec: TopSpec, look: Look): void {
  const inside = shade(look.color, 0.3)
  const edge = detail(look.color)
  const y = frontNeckY(spec)
  const back = curve(NECK_SIDE, [200, 62], [236, 76], 10)
  if (spec.neck === "crew" || spec.neck === "shirt" || spec.neck === "polo" || spec.neck === "hood") {
    const front = [...curve([236, 76], [228, y], [200, y], 8), ...curve([200, y], [172, y], NECK_SIDE, 8)]
    canvas.fill(polygon([NECK_SIDE, ...back, ...front]), inside)
    if (spec.neck === "crew") {
      canvas.fill(stroke([NECK_SIDE, ...front.slice(0, -1).reverse(), [200, y]], 7), edge)
      canvas.fill(stroke(front, 7), edge)
    }
  } else if (spec.neck === "stand") {
    canvas.fill(roundRect(162, 52, 76, 40, 8), shade(look.color, 0.06))
    canvas.fill(stroke(curve([162, 56], [200, 46], [238, 56], 8), 3), edge)
  } else {
    canvas.fill(polygon([NECK_SIDE, ...back, [200, y]]), inside)
  }
  const collar = shade(look.color, 0.05)
  if (spec.neck === "shirt" || spec.neck === "polo") {
    const leaf: Point[] = [
      [160, 72],
      [200, 98],
      [186, 126],
      [154, 100],
    ]
    canvas.fill(pair(leaf), collar)
    canvas.fill(union(stroke(leaf, 2.5, true), stroke(mirror(leaf), 2.5, true)), edge)
    if (spec.buttonDown) {
      canvas.fill(union(ellipse(182, 116, 3.5), ellipse(218, 116, 3.5)), edge)
    }
  } else if (spec.neck === "camp") {
    const flap: Point[] = [
      [162, 72],
      [200, 150],
      [168, 128],
      [138, 104],
    ]
    canvas.fill(pair(flap), collar)
    canvas.fill(union(stroke(flap, 2.5, true), stroke(mirror(flap), 2.5, true)), edge)
  } else if (spec.neck === "lapel") {
    const lapel: Point[] = [
      [162, 74],
      [200, y],
      [184, 214],
      [138, 140],
      [152, 118],
      [146, 104],
    ]
    canvas.fill(pair(lapel), collar)
    canvas.fill(union(stroke(lapel, 2.5, true), stroke(mirror(lapel), 2.5, true)), edge)
  } else if (spec.neck === "v") {
    canvas.fill(
      union(
        stroke([NECK_SIDE, [200, y]], 8),
        stroke(
          [
            [236, 76],
            [200, y],
          ],
          8
        )
      ),
      edge
    )
  } else if (spec.neck === "hood") {
    const hood: Point[] = [
      [146, 100],
      ...curve([146, 100], [132, 24], [200, 22], 10),
      ...curve([200, 22], [268, 24], [254, 100], 10),
    ]
    canvas.fill(polygon(hood), shade(look.color, 0.08))
    canvas.fill(ellipse(200, 78, 40, 26), inside)
    canvas.fill(
      union(
        stroke(
          [
            [188, 100],
            [184, 190],
          ],
          4
        ),
        stroke(
          [
            [212, 100],
            [216, 190],
          ],
          4
        )
      ),
      tint(look.color, 0.6)
    )
  }
}

function front(canvas: Canvas, spec: TopSpec, look: Look): void {
  const edge = detail(look.color)
  const top = frontNeckY(spec)
  if (spec.front === "buttons" || spec.front === "open") {
    const from = spec.neck === "polo" ? 98 : top
    const to = spec.neck === "polo" ? 176 : spec.hem - 10
    canvas.fill(
      union(
        stroke(
          [
            [193, from],
            [193, to],
          ],
          2
        ),
        stroke(
          [
            [207, from],
            [207, to],
          ],
          2
        )
      ),
      edge
    )
    const step = spec.neck === "polo" ? 34 : 44
    for (let y = from + 22; y < to - 8; y += step) {
      canvas.fill(ellipse(200, y, 4.5), tint(edge, 0.15))
    }
  } else if (spec.front === "zip") {
    canvas.fill(
      stroke(
        [
          [200, top],
          [200, spec.hem - 4],
        ],
        4
      ),
      edge
    )
    canvas.fill(dashes([204, top + 4], [204, spec.hem - 8], 2, 3, 3), shade(edge, 0.2))
    canvas.fill(roundRect(196, top + 8, 8, 22, 3), MATERIAL.steel)
  }
}

function pockets(canvas: Canvas, spec: TopSpec, look: Look): void {
  const edge = detail(look.color)
  const face = shade(look.color, 0.05)
  const pocket = (x: number, y: number, w: number, h: number, flap: boolean) => {
    canvas.fill(roundRect(x, y, w, h, 4), face)
    canvas.fill(
      stroke(
        [
          [x, y],
          [x, y + h],
          [x + w, y + h],
          [x + w, y],
        ],
        2
      ),
      edge
    )
    if (flap) {
      canvas.fill(roundRect(x - 3, y - 4, w + 6, 18, 4), shade(look.color, 0.1))
    }
  }
  switch (spec.pockets) {
    case "chest":
      pocket(222, 148, 40, 46, false)
      break
    case "four":
      pocket(130, 160, 46, 50, true)
      pocket(224, 160, 46, 50, true)
      pocket(124, spec.hem - 110, 58, 64, true)
      pocket(218, spec.hem - 110, 58, 64, true)
      break
    case "chest-flaps":
      pocket(136, 160, 42, 48, true)
      pocket(222, 160, 42, 48, true)
      break
    case "kangaroo":
      canvas.fill(
        polygon([
          [146, 300],
          [254, 300],
          [272, 372],
          [128, 372],
        ]),
        face
      )
      canvas.fill(
        stroke(
          [
            [146, 300],
            [254, 300],
            [272, 372],
            [128, 372],
          ],
          2,
          true
        ),
        edge
      )
      break
    case "hips":
      canvas.fill(
        union(
          stroke(
            [
              [122, 330],
              [168, 320],
            ],
            5
          ),
          stroke(
            [
              [278, 330],
              [232, 320],
            ],
            5
          )
        ),
        edge
      )
      break
  }
}

function top(spec: TopSpec): Drawing {
  return (canvas, look) => {
    const body = topOutline(spec)
    ground(canvas, 200, spec.hem + 18, 130)
    canvas.fill(body, look.color)
    if (spec.striped) {
      canvas.fill(stripes([30, 90, 340, spec.hem], 28, 12), look.accent, { clip: body })
    }
    if (spec.quilted) {
      const quilting = union(stripes([60, 80, 280, spec.hem], 34, 2, 45), stripes([60, 80, 280, spec.hem], 34, 2, -45))
      canvas.fill(quilting, detail(look.color, 0.15), { clip: body })
    }
    if (spec.ribbed) {
      const band = detail(look.color, 0.1)
      canvas.fill(rect(80, spec.hem - 26, 240, 26), band, { clip: body })
      const { cuff } = sleevePoints(spec)
      if (cuff) {
        canvas.fill(union(polygon(cuff), polygon(mirror(cuff))), band)
      }
    }
    if (spec.seams) {
      const seam = tint(look.color, 0.35)
      canvas.fill(dashes([108, 150], [292, 150], 2), seam)
      canvas.fill(union(dashes([150, 150], [150, spec.hem - 34], 2), dashes([250, 150], [250, spec.hem - 34], 2)), seam)
      canvas.fill(rect(100, spec.hem - 34, 200, 4), shade(look.color, 0.15))
    }
    if (spec.sleeves !== "none") {
      const seam: Point[] = [
        [200 - HALF_WIDTH + 2, 100],
        [200 - HALF_WIDTH, 172],
      ]
      canvas.fill(union(stroke(seam, 2), stroke(mirror(seam), 2)), shade(look.color, 0.12))
    }
    neckline(canvas, spec, look)
    front(canvas, spec, look)
    pockets(canvas, spec, look)
  }
}

interface BottomSpec {
  length: "long" | "short"
  waist: "belt" | "drawstring"
  cuffs?: boolean
  jeans?: boolean
  wide?: boolean
}

function bottoms(spec: BottomSpec): Drawing {
  return (canvas, look) => {
    const hem = spec.length === "long" ? 440 : 290
    const flare = spec.wide ? 12 : 0
    const half: Point[] = [
      [200, 84],
      [128, 84],
      [124, 112],
      [112 - flare, hem],
      [184, hem],
      [200, 200],
    ]
    const legs = symmetric(half)
    const edge = detail(look.color)
    ground(canvas, 200, hem + 14, 110)
    canvas.fill(legs, look.color)
    canvas.fill(rect(126, 84, 148, 26), shade(look.color, 0.08))
    if (spec.waist === "belt") {
      for (const x of [140, 176, 224, 260]) {
        canvas.fill(rect(x - 3, 80, 6, 32), shade(look.color, 0.16))
      }
      canvas.fill(ellipse(200, 97, 4.5), spec.jeans ? MATERIAL.brass : edge)
    } else {
      canvas.fill(
        stroke(
          [
            [194, 104],
            [186, 150],
            [190, 160],
          ],
          3.5
        ),
        tint(edge, 0.3)
      )
      canvas.fill(
        stroke(
          [
            [206, 104],
            [214, 150],
            [210, 160],
          ],
          3.5
        ),
        tint(edge, 0.3)
      )
    }
    const stitch = spec.jeans ? MATERIAL.brass : edge
    canvas.fill(stroke([[200, 112], ...curve([200, 112], [222, 150], [200, 190], 8)], 2.5), stitch)
    canvas.fill(
      union(
        stroke(
          [
            [132, 112],
            [156, 158],
          ],
          2.5
        ),
        stroke(
          [
            [268, 112],
            [244, 158],
          ],
          2.5
        )
      ),
      stitch
    )
    if (spec.jeans) {
      canvas.fill(union(ellipse(156, 160, 3), ellipse(244, 160, 3)), MATERIAL.brass)
      canvas.fill(union(dashes([118, 140], [110, hem - 6], 2), dashes([282, 140], [290, hem - 6], 2)), stitch)
    }
    if (spec.cuffs) {
      const band = detail(look.color, 0.12)
      canvas.fill(rect(90, hem - 30, 220, 30), band, { clip: legs })
    } else {
      canvas.fill(rect(90, hem - 18, 220, 3), shade(look.color, 0.1), {
        clip: legs,
      })
    }
  }
}

export const APPAREL: Record<string, Drawing> = {
  tee: top({ sleeves: "short", hem: 400, neck: "crew" }),
  "pocket-tee": top({ sleeves: "short", hem: 404, neck: "crew", pockets: "chest" }),
  "striped-tee": top({ sleeves: "long", hem: 400, neck: "crew", striped: true }),
  "camp-shirt": top({ sleeves: "short", hem: 404, neck: "camp", front: "buttons", pockets: "chest" }),
  "oxford-shirt": top({ sleeves: "long", hem: 416, neck: "shirt", front: "buttons", buttonDown: true }),
  polo: top({ sleeves: "short", hem: 400, neck: "polo", front: "buttons" }),
  sweater: top({ sleeves: "long", hem: 404, neck: "crew", ribbed: true }),
  cardigan: top({ sleeves: "long", hem: 410, neck: "v", front: "open", ribbed: true, pockets: "hips" }),
  hoodie: top({ sleeves: "long", hem: 404, neck: "hood", ribbed: true, pockets: "kangaroo" }),
  "field-jacket": top({ sleeves: "long", hem: 420, neck: "stand", front: "zip", pockets: "four" }),
  vest: top({ sleeves: "none", hem: 400, neck: "stand", front: "zip", quilted: true }),
  overcoat: top({ sleeves: "long", hem: 450, neck: "lapel", front: "buttons", pockets: "hips" }),
  "rain-shell": top({ sleeves: "long", hem: 416, neck: "hood", front: "zip", pockets: "hips" }),
  trucker: top({ sleeves: "long", hem: 390, neck: "shirt", front: "buttons", pockets: "chest-flaps", seams: true }),
  chinos: bottoms({ length: "long", waist: "belt" }),
  "drawstring-trousers": bottoms({ length: "long", waist: "drawstring", wide: true }),
  jeans: bottoms({ length: "long", waist: "belt", jeans: true }),
  shorts: bottoms({ length: "short", waist: "belt" }),
  joggers: bottoms({ length: "long", waist: "drawstring", cuffs: true }),
}
