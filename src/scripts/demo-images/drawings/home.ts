/** Kitchen and dining, bedding and bath, decor. */
import type { Canvas, Point, Rgb, Shape } from "../canvas"
import { detail, MATERIAL, shade, tint } from "../colors"
import { ground, type Drawing } from "../look"
import {
  curve,
  dashes,
  ellipse,
  ellipsePoints,
  hole,
  outline,
  polygon,
  rect,
  ring,
  rotate,
  roundRect,
  roundRectPoints,
  stripes,
  stroke,
  symmetric,
  union,
} from "../shapes"

/** Deterministic dots inside `box` (a glaze's speckles): the same image on every run. */
function speckles(canvas: Canvas, clip: Shape, box: [number, number, number, number], color: Rgb, count = 70): void {
  let seed = 7
  const next = () => {
    seed = (seed * 16807) % 2147483647
    return seed / 2147483647
  }
  const dots: Shape[] = []
  for (let i = 0; i < count; i++) {
    dots.push(ellipse(box[0] + next() * box[2], box[1] + next() * box[3], 1.2 + next() * 1.6))
  }
  canvas.fill(union(...dots), color, { clip, opacity: 0.8 })
}

const mug: Drawing = (canvas, { color, accent }) => {
  ground(canvas, 196, 384, 110)
  canvas.fill(ring(272, 282, 50, 58, 16), shade(color, 0.08))
  const body = roundRect(118, 192, 156, 188, 22)
  canvas.fill(body, color)
  canvas.fill(rect(118, 192, 30, 188), tint(color, 0.12), { clip: body, opacity: 0.6 })
  speckles(canvas, body, [118, 192, 156, 188], accent)
  canvas.fill(ellipse(196, 194, 78, 15), shade(color, 0.35))
  canvas.fill(stroke(ellipsePoints(196, 194, 78, 15), 3, true), tint(color, 0.2))
}

const plates: Drawing = (canvas, { color, accent }) => {
  ground(canvas, 200, 374, 160)
  for (let i = 0; i < 4; i++) {
    const y = 344 - i * 18
    canvas.fill(ellipse(200, y + 6, 152, 48), shade(color, 0.18))
    canvas.fill(ellipse(200, y, 152, 48), color)
  }
  const top = ellipse(200, 290, 152, 48)
  canvas.fill(ellipse(200, 294, 96, 28), shade(color, 0.06))
  speckles(canvas, top, [48, 242, 304, 96], accent, 90)
  canvas.fill(stroke(ellipsePoints(200, 290, 150, 46), 3, true), shade(color, 0.12))
}

const board: Drawing = (canvas, { color }) => {
  const wood = color
  ground(canvas, 200, 446, 110)
  const paddle: Shape = [
    outline([...roundRectPoints(126, 170, 148, 264, 34), [224, 170], [224, 70], [176, 70], [176, 170]]),
  ]
  const shape: Shape = [
    ...rotate(paddle, -10, 200, 260),
    ...rotate([hole(ellipsePoints(200, 100, 10, 10))], -10, 200, 260),
  ]
  canvas.fill(
    union(
      rotate(roundRect(176, 62, 48, 120, 22), -10, 200, 260),
      rotate(roundRect(126, 170, 148, 264, 34), -10, 200, 260)
    ),
    wood
  )
  canvas.fill(rotate(ellipse(200, 100, 10), -10, 200, 260), tint(wood, 0.75))
  const grain: Shape[] = []
  for (let x = 140; x < 270; x += 22) {
    grain.push(stroke([[x, 180], ...curve([x, 180], [x + 14, 300], [x - 4, 424], 12)], 2))
  }
  canvas.fill(rotate(union(...grain), -10, 200, 260), shade(wood, 0.14), { clip: shape })
}

const stripeAccent = (color: Rgb, accent: Rgb): Rgb => (color === accent ? shade(color, 0.35) : accent)

const teaTowel: Drawing = (canvas, { color, accent }) => {
  ground(canvas, 200, 428, 100)
  canvas.fill(ring(200, 96, 22, 22, 6), MATERIAL.steel)
  canvas.fill(
    stroke(
      [
        [190, 110],
        [200, 124],
        [210, 110],
      ],
      5
    ),
    shade(color, 0.3)
  )
  const towel = polygon([
    [118, 124],
    [282, 124],
    [288, 414],
    [112, 414],
  ])
  canvas.fill(towel, color)
  const stripe = stripeAccent(color, accent)
  canvas.fill(
    union(rect(100, 150, 200, 10), rect(100, 168, 200, 4), rect(100, 370, 200, 10), rect(100, 356, 200, 4)),
    stripe,
    { clip: towel }
  )
  canvas.fill(stripes([100, 124, 200, 290], 40, 3, 90), stripe, { clip: towel, opacity: 0.5 })
}

const carafe: Drawing = (canvas, { color }) => {
  ground(canvas, 200, 424, 100)
  const bottle = symmetric([
    [200, 90],
    [180, 90],
    [180, 176],
    ...curve([180, 176], [122, 208], [122, 300], 12),
    ...curve([122, 300], [120, 414], [170, 414], 8),
    [200, 414],
  ])
  canvas.fill(bottle, color, { opacity: 0.75 })
  canvas.fill(rect(100, 270, 200, 150), shade(tint(color, 0.1), 0.12), { clip: bottle, opacity: 0.6 })
  canvas.fill(stroke(curve([140, 230], [132, 300], [144, 380], 10), 6), [255, 255, 255], { opacity: 0.7 })
  canvas.fill(
    polygon([
      [170, 60],
      [230, 60],
      [236, 118],
      [164, 118],
    ]),
    tint(color, 0.2),
    { opacity: 0.85 }
  )
  canvas.fill(stroke(bottle[0], 2, true), shade(color, 0.25))
}

const moka: Drawing = (canvas, { color }) => {
  ground(canvas, 200, 420, 110)
  const metal = color
  canvas.fill(
    polygon([
      [254, 176],
      [316, 180],
      [314, 210],
      [266, 250],
    ]),
    MATERIAL.steel
  )
  canvas.fill(
    polygon([
      [262, 168],
      [306, 190],
      [304, 290],
      [276, 276],
      [262, 214],
    ]),
    [40, 40, 42]
  )
  canvas.fill(
    polygon([
      [146, 150],
      [254, 150],
      [244, 272],
      [156, 272],
    ]),
    metal
  )
  canvas.fill(
    polygon([
      [146, 150],
      [122, 134],
      [150, 168],
    ]),
    metal
  )
  canvas.fill(
    polygon([
      [150, 126],
      [250, 126],
      [258, 152],
      [142, 152],
    ]),
    shade(metal, 0.1)
  )
  canvas.fill(ellipse(200, 120, 14, 8), [40, 40, 42])
  canvas.fill(rect(150, 270, 100, 22), shade(metal, 0.2))
  canvas.fill(
    polygon([
      [140, 290],
      [260, 290],
      [274, 408],
      [126, 408],
    ]),
    metal
  )
  const facets = union(
    stroke(
      [
        [178, 152],
        [182, 270],
      ],
      2
    ),
    stroke(
      [
        [222, 152],
        [218, 270],
      ],
      2
    ),
    stroke(
      [
        [178, 292],
        [172, 406],
      ],
      2
    ),
    stroke(
      [
        [222, 292],
        [228, 406],
      ],
      2
    )
  )
  canvas.fill(facets, shade(metal, 0.14))
  canvas.fill(ellipse(236, 350, 8), shade(metal, 0.25))
}

const duvet: Drawing = (canvas, { color }) => {
  ground(canvas, 200, 396, 160)
  const fold = shade(color, 0.1)
  canvas.fill(roundRect(58, 236, 284, 150, 24), shade(color, 0.06))
  canvas.fill(roundRect(66, 170, 268, 96, 24), color)
  canvas.fill(stroke(curve([80, 262], [200, 276], [320, 262], 16), 3), fold)
  canvas.fill(
    union(
      stroke(curve([72, 318], [200, 332], [328, 318], 16), 3),
      stroke(curve([72, 356], [200, 366], [328, 356], 16), 2)
    ),
    fold
  )
  canvas.fill(dashes([84, 186], [316, 186], 2), detail(color, 0.15))
}

function pillow(x: number, y: number, w: number, h: number): Point[] {
  return [
    [x, y],
    ...curve([x, y], [x + w / 2, y + 12], [x + w, y], 12),
    ...curve([x + w, y], [x + w - 10, y + h / 2], [x + w, y + h], 12),
    ...curve([x + w, y + h], [x + w / 2, y + h - 12], [x, y + h], 12),
    ...curve([x, y + h], [x + 10, y + h / 2], [x, y], 12),
  ]
}

const pillowcases: Drawing = (canvas, { color }) => {
  ground(canvas, 200, 390, 160)
  canvas.fill(polygon(pillow(94, 150, 240, 150)), shade(color, 0.1))
  canvas.fill(polygon(pillow(66, 220, 250, 156)), color)
  canvas.fill(stroke(pillow(66, 220, 250, 156), 3, true), detail(color, 0.12))
  canvas.fill(
    stroke(
      [
        [258, 232],
        [258, 364],
      ],
      2
    ),
    detail(color, 0.12)
  )
}

const bathTowel: Drawing = (canvas, { color }) => {
  ground(canvas, 200, 392, 140)
  for (const [y, dark] of [
    [300, 0.08],
    [226, 0],
  ] as const) {
    const towel = roundRect(72 + dark * 60, y, 256 - dark * 120, 84, 22)
    canvas.fill(towel, shade(color, dark))
    canvas.fill(union(stripes([60, y, 280, 84], 12, 2), stripes([60, y, 280, 84], 12, 2, 90)), detail(color, 0.12), {
      clip: towel,
    })
    canvas.fill(rect(60, y + 64, 280, 8), detail(color, 0.08), { clip: towel })
  }
}

const beachTowel: Drawing = (canvas, { color, accent }) => {
  ground(canvas, 200, 374, 150)
  const roll = roundRect(92, 234, 236, 124, 62)
  canvas.fill(roll, color)
  canvas.fill(stripes([92, 234, 236, 124], 44, 20, 90), stripeAccent(color, accent), { clip: roll })
  canvas.fill(ellipse(108, 296, 40, 62), tint(color, 0.1))
  for (const r of [32, 22, 12]) {
    canvas.fill(stroke(ellipsePoints(108, 296, r * 0.65, r), 2.5, true), stripeAccent(color, accent))
  }
  for (let x = 150; x < 320; x += 8) {
    canvas.fill(
      stroke(
        [
          [x, 356],
          [x - 2, 372],
        ],
        2
      ),
      shade(color, 0.12)
    )
  }
}

const throwBlanket: Drawing = (canvas, { color }) => {
  ground(canvas, 200, 400, 140)
  const blanket = roundRect(84, 176, 232, 196, 22)
  canvas.fill(blanket, color)
  canvas.fill(
    union(stripes([84, 176, 232, 196], 18, 6, 45), stripes([84, 176, 232, 196], 18, 6, -45)),
    detail(color, 0.06),
    {
      clip: blanket,
    }
  )
  canvas.fill(union(rect(84, 238, 232, 4), rect(84, 304, 232, 4)), shade(color, 0.14), { clip: blanket })
  for (let x = 96; x < 308; x += 8) {
    canvas.fill(
      stroke(
        [
          [x, 370],
          [x, 390],
        ],
        2.5
      ),
      shade(color, 0.08)
    )
  }
}

const candle: Drawing = (canvas, { color }) => {
  ground(canvas, 200, 408, 90)
  const glass = roundRect(130, 196, 140, 200, 20)
  canvas.fill(glass, [150, 96, 52])
  canvas.fill(ellipse(200, 206, 66, 14), MATERIAL.wax)
  canvas.fill(rect(140, 270, 120, 80), color)
  canvas.fill(union(rect(160, 292, 80, 4), rect(170, 306, 60, 3), rect(166, 320, 68, 3)), shade(color, 0.4))
  canvas.fill(
    stroke(
      [
        [200, 206],
        [200, 182],
      ],
      3
    ),
    [40, 40, 42]
  )
  canvas.fill(
    polygon([
      [200, 120],
      ...curve([200, 120], [222, 160], [200, 180], 10),
      ...curve([200, 180], [178, 160], [200, 120], 10),
    ]),
    MATERIAL.flame
  )
  canvas.fill(rect(136, 200, 12, 186), [255, 255, 255], { clip: glass, opacity: 0.25 })
}

const plantPot: Drawing = (canvas, { color }) => {
  ground(canvas, 200, 414, 90)
  const leaf = MATERIAL.leaf
  for (const [angle, length, dark] of [
    [-40, 120, 0.1],
    [35, 130, 0.12],
    [-10, 150, 0],
    [15, 110, 0.05],
    [-65, 90, 0.16],
    [60, 95, 0.16],
  ] as const) {
    canvas.fill(rotate(ellipse(200, 250 - length / 2, 22, length / 2), angle, 200, 250), shade(leaf, dark))
  }
  canvas.fill(
    polygon([
      [134, 262],
      [266, 262],
      [250, 408],
      [150, 408],
    ]),
    color
  )
  canvas.fill(rect(122, 238, 156, 36), shade(color, 0.08))
  canvas.fill(rect(122, 270, 156, 4), shade(color, 0.2))
}

const rug: Drawing = (canvas, { color, accent }) => {
  ground(canvas, 200, 412, 170)
  const edge = [
    [96, 196],
    [304, 196],
    [344, 396],
    [56, 396],
  ] as Point[]
  const body = polygon(edge)
  canvas.fill(body, color)
  canvas.fill(stripes([56, 196, 288, 200], 10, 3), shade(color, 0.1), { clip: body })
  canvas.fill(
    [
      outline([
        [110, 210],
        [290, 210],
        [322, 382],
        [78, 382],
      ]),
      hole([
        [122, 222],
        [278, 222],
        [306, 370],
        [94, 370],
      ]),
    ],
    accent
  )
  canvas.fill(
    polygon([
      [200, 238],
      [246, 296],
      [200, 354],
      [154, 296],
    ]),
    accent
  )
  for (let x = 60; x <= 340; x += 10) {
    canvas.fill(
      stroke(
        [
          [x, 396],
          [x, 412],
        ],
        2.5
      ),
      shade(color, 0.1)
    )
  }
}

const budVase: Drawing = (canvas, { color }) => {
  ground(canvas, 200, 420, 80)
  canvas.fill(stroke([[200, 290], ...curve([200, 290], [210, 180], [196, 96], 12)], 4), MATERIAL.leaf)
  canvas.fill(rotate(ellipse(220, 180, 8, 22), 40, 210, 190), MATERIAL.leaf)
  for (const [dx, dy] of [
    [0, -12],
    [11, -3],
    [7, 10],
    [-7, 10],
    [-11, -3],
  ]) {
    canvas.fill(ellipse(196 + dx, 96 + dy, 8), [240, 200, 210])
  }
  canvas.fill(ellipse(196, 96, 5), MATERIAL.brass)
  const vase = symmetric([
    [200, 200],
    [186, 200],
    [186, 266],
    ...curve([186, 266], [124, 290], [132, 360], 12),
    ...curve([132, 360], [140, 412], [200, 412], 10),
  ])
  canvas.fill(vase, color)
  canvas.fill(rect(130, 200, 24, 220), tint(color, 0.25), { clip: vase, opacity: 0.5 })
  canvas.fill(rect(182, 196, 36, 10), shade(color, 0.1))
}

const cushion: Drawing = (canvas, { color }) => {
  ground(canvas, 200, 396, 140)
  const shape = pillow(82, 140, 236, 236)
  canvas.fill(polygon(shape), color)
  canvas.fill(stroke(shape, 4, true), shade(color, 0.15))
  canvas.fill(stripes([82, 140, 236, 236], 10, 2, 90), detail(color, 0.06), { clip: polygon(shape) })
  canvas.fill(
    union(
      stroke(curve([110, 170], [150, 210], [130, 250], 8), 2),
      stroke(curve([290, 346], [252, 310], [270, 270], 8), 2)
    ),
    shade(color, 0.1)
  )
}

export const HOME: Record<string, Drawing> = {
  mug,
  plates,
  board,
  "tea-towel": teaTowel,
  carafe,
  moka,
  duvet,
  pillowcases,
  "bath-towel": bathTowel,
  "beach-towel": beachTowel,
  throw: throwBlanket,
  candle,
  "plant-pot": plantPot,
  rug,
  "bud-vase": budVase,
  cushion,
}
