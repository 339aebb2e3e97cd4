/** Bags, hats and scarves, small leather goods. */
import type { Point } from "../canvas"
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
  union,
} from "../shapes"

const handle = (from: Point, top: number, to: Point, width: number) =>
  stroke([from, ...curve(from, [(from[0] + to[0]) / 2, top], to, 16)], width)

const tote: Drawing = (canvas, { color }) => {
  ground(canvas, 200, 428, 110)
  canvas.fill(handle([152, 196], 40, [248, 196], 12), shade(color, 0.18))
  const body = polygon([
    [118, 190],
    [282, 190],
    [294, 420],
    [106, 420],
  ])
  canvas.fill(body, color)
  canvas.fill(rect(100, 190, 200, 20), shade(color, 0.08), { clip: body })
  canvas.fill(handle([140, 214], 62, [260, 214], 12), tint(shade(color, 0.12), 0.05))
  canvas.fill(roundRect(176, 300, 48, 48, 6), shade(color, 0.12))
  canvas.fill(dashes([112, 404], [288, 404], 2), detail(color))
}

const weekender: Drawing = (canvas, { color }) => {
  ground(canvas, 200, 380, 150)
  const trim = shade(color, 0.3)
  canvas.fill(handle([160, 214], 100, [240, 214], 12), trim)
  canvas.fill(roundRect(66, 200, 268, 168, 74), color)
  canvas.fill(union(ellipse(92, 284, 26, 78), ellipse(308, 284, 26, 78)), shade(color, 0.12))
  canvas.fill(dashes([120, 214], [280, 214], 3, 8, 4), detail(color, 0.35))
  canvas.fill(union(rect(150, 204, 18, 160), rect(232, 204, 18, 160)), trim)
  canvas.fill(union(roundRect(146, 242, 26, 16, 3), roundRect(228, 242, 26, 16, 3)), MATERIAL.brass)
}

const backpack: Drawing = (canvas, { color }) => {
  ground(canvas, 200, 430, 100)
  const edge = detail(color)
  canvas.fill(roundRect(122, 120, 156, 300, 42), color)
  canvas.fill(roundRect(126, 86, 148, 56, 10), shade(color, 0.1))
  canvas.fill(union(rect(126, 104, 148, 2), rect(126, 120, 148, 2)), edge)
  canvas.fill(union(rect(160, 92, 14, 150), rect(226, 92, 14, 150)), shade(color, 0.2))
  canvas.fill(union(roundRect(156, 226, 22, 18, 3), roundRect(222, 226, 22, 18, 3)), tint(edge, 0.2))
  canvas.fill(roundRect(146, 286, 108, 104, 22), shade(color, 0.06))
  canvas.fill(dashes([154, 298], [246, 298], 2), edge)
}

const sling: Drawing = (canvas, { color }) => {
  ground(canvas, 200, 372, 120)
  canvas.fill(stroke([[104, 274], ...curve([104, 274], [200, -10], [296, 274], 20)], 16), shade(color, 0.22))
  canvas.fill(roundRect(86, 246, 228, 112, 54), color)
  canvas.fill(stroke(curve([112, 268], [200, 250], [288, 268], 12), 3.5), detail(color, 0.3))
  canvas.fill(roundRect(274, 258, 10, 24, 3), MATERIAL.steel)
  canvas.fill(roundRect(180, 306, 40, 14, 4), detail(color, 0.15))
}

const basket: Drawing = (canvas, { color }) => {
  ground(canvas, 200, 418, 110)
  const leather = shade(MATERIAL.wood, 0.35)
  canvas.fill(handle([150, 206], 60, [250, 206], 10), leather)
  const body = polygon([
    [108, 200],
    [292, 200],
    [272, 412],
    [128, 412],
  ])
  canvas.fill(body, color)
  const weave = shade(color, 0.16)
  canvas.fill(stripes([100, 200, 200, 212], 18, 6), weave, { clip: body })
  canvas.fill(stripes([100, 200, 200, 212], 22, 3, 90), shade(color, 0.08), { clip: body })
  canvas.fill(roundRect(102, 192, 196, 20, 8), shade(color, 0.1))
  canvas.fill(handle([170, 206], 110, [230, 206], 10), leather)
}

const beanie: Drawing = (canvas, { color }) => {
  ground(canvas, 200, 392, 110)
  const dome = polygon([
    [92, 300],
    ...curve([92, 300], [100, 110], [200, 110], 16),
    ...curve([200, 110], [300, 110], [308, 300], 16),
  ])
  canvas.fill(dome, color)
  canvas.fill(stripes([92, 110, 216, 190], 16, 3, 90), detail(color, 0.1), { clip: dome })
  const cuff = roundRect(84, 290, 232, 88, 16)
  canvas.fill(cuff, shade(color, 0.06))
  canvas.fill(stripes([84, 290, 232, 88], 14, 5, 90), detail(color, 0.14), { clip: cuff })
}

const cap: Drawing = (canvas, { color }) => {
  ground(canvas, 200, 352, 130)
  const edge = detail(color)
  const brim = polygon([
    [96, 290],
    ...curve([96, 290], [200, 372], [304, 290], 16),
    ...curve([304, 290], [200, 318], [96, 290], 16),
  ])
  const crown = polygon([
    [96, 296],
    ...curve([96, 296], [98, 130], [200, 128], 16),
    ...curve([200, 128], [302, 130], [304, 296], 16),
    ...curve([304, 296], [200, 320], [96, 296], 16),
  ])
  canvas.fill(crown, color)
  canvas.fill(
    union(
      stroke(curve([200, 130], [168, 200], [160, 296], 10), 2.5),
      stroke(curve([200, 130], [232, 200], [240, 296], 10), 2.5)
    ),
    edge
  )
  canvas.fill(ellipse(200, 130, 8, 5), shade(color, 0.15))
  canvas.fill(brim, shade(color, 0.1))
  canvas.fill(stroke(curve([110, 298], [200, 352], [290, 298], 16), 2), edge)
}

const panama: Drawing = (canvas, { color }) => {
  ground(canvas, 200, 376, 160)
  const straw = MATERIAL.straw
  canvas.fill(ellipse(200, 318, 172, 58), shade(straw, 0.06))
  canvas.fill(stripes([28, 260, 344, 116], 9, 2), shade(straw, 0.12), { clip: ellipse(200, 318, 172, 58) })
  const crown = polygon([[124, 320], [128, 180], ...curve([128, 180], [200, 150], [272, 180], 12), [276, 320]])
  canvas.fill(crown, straw)
  canvas.fill(stroke(curve([146, 186], [200, 210], [254, 186], 12), 4), shade(straw, 0.15))
  canvas.fill(rect(120, 280, 160, 30), shade(color, 0.75))
  canvas.fill(stroke(curve([40, 338], [200, 392], [360, 338], 20), 3), shade(straw, 0.2))
}

const scarf: Drawing = (canvas, { color, accent }) => {
  ground(canvas, 200, 444, 90)
  const back = rotate(rect(196, 70, 92, 340), 6, 240, 70)
  const front = rotate(rect(118, 80, 92, 350), -4, 160, 80)
  for (const [panel, dark] of [
    [back, 0.12],
    [front, 0],
  ] as const) {
    canvas.fill(panel, shade(color, dark))
    canvas.fill(union(stripes([80, 60, 240, 400], 46, 10), stripes([80, 60, 240, 400], 46, 10, 90)), accent, {
      clip: panel,
      opacity: 0.45,
    })
  }
  for (let x = 124; x < 208; x += 9) {
    canvas.fill(rotate(rect(x, 428, 3, 18), -4, 160, 80), shade(color, 0.1))
  }
}

const bandana: Drawing = (canvas, { color, accent }) => {
  ground(canvas, 200, 410, 120)
  const square: Point[] = [
    [200, 80],
    [336, 236],
    [200, 392],
    [64, 236],
  ]
  canvas.fill(polygon(square), color)
  canvas.fill(
    [
      outline([
        [200, 98],
        [318, 236],
        [200, 374],
        [82, 236],
      ]),
      hole([
        [200, 110],
        [306, 236],
        [200, 362],
        [94, 236],
      ]),
    ],
    accent
  )
  for (const [x, y, turn] of [
    [200, 168, 0],
    [150, 236, 70],
    [250, 236, -70],
    [200, 304, 180],
    [200, 236, 30],
  ]) {
    canvas.fill(rotate(union(ellipse(x, y, 13, 20), ellipse(x + 6, y - 20, 6)), turn, x, y), accent)
    canvas.fill(ellipse(x, y + 2, 5, 8), color)
  }
}

const cardHolder: Drawing = (canvas, { color }) => {
  ground(canvas, 200, 384, 100)
  const edge = detail(color, 0.3)
  canvas.fill(roundRect(116, 150, 168, 226, 14), color)
  canvas.fill(roundRect(116, 206, 168, 170, 14), shade(color, 0.08))
  canvas.fill(stroke(curve([150, 206], [200, 236], [250, 206], 12), 2.5), edge)
  canvas.fill(rect(116, 270, 168, 2.5), edge)
  const inset = roundRectPoints(126, 160, 148, 206, 8)
  for (let i = 0; i < inset.length; i += 3) {
    canvas.fill(ellipse(inset[i][0], inset[i][1], 1.6), edge)
  }
}

const wallet: Drawing = (canvas, { color }) => {
  ground(canvas, 200, 352, 130)
  const edge = detail(color, 0.3)
  canvas.fill(roundRect(90, 196, 220, 146, 16), shade(color, 0.1))
  canvas.fill(roundRect(90, 180, 220, 146, 16), color)
  canvas.fill(union(dashes([104, 194], [296, 194], 2), dashes([104, 312], [296, 312], 2)), edge)
  canvas.fill(union(dashes([104, 194], [104, 312], 2), dashes([296, 194], [296, 312], 2)), edge)
  canvas.fill(rect(198, 180, 4, 146), shade(color, 0.12))
}

const belt: Drawing = (canvas, { color }) => {
  ground(canvas, 200, 346, 160)
  const strap = rotate(roundRect(60, 226, 300, 46, 22), -8, 200, 250)
  canvas.fill(strap, color)
  canvas.fill(
    rotate(union(dashes([112, 232], [350, 232], 2), dashes([112, 266], [350, 266], 2)), -8, 200, 250),
    detail(color, 0.3)
  )
  for (let x = 236; x <= 316; x += 20) {
    canvas.fill(rotate(ellipse(x, 249, 5), -8, 200, 250), shade(color, 0.45))
  }
  const buckle = rotate(
    [outline(roundRectPoints(40, 206, 70, 88, 14)), hole(roundRectPoints(52, 218, 46, 64, 8))],
    -8,
    200,
    250
  )
  canvas.fill(buckle, MATERIAL.brass)
  canvas.fill(rotate(rect(70, 230, 40, 8), -8, 200, 250), shade(MATERIAL.brass, 0.25))
}

const keyLoop: Drawing = (canvas, { color }) => {
  ground(canvas, 200, 420, 70)
  canvas.fill(ring(200, 130, 40, 40, 9), MATERIAL.steel)
  canvas.fill(stroke(ellipsePath(200, 270, 40, 110), 26, true), color)
  canvas.fill(stroke(ellipsePath(200, 270, 40, 110), 2, true), detail(color, 0.3))
  canvas.fill(roundRect(176, 156, 48, 40, 10), shade(color, 0.15))
  canvas.fill(ellipse(200, 176, 6), MATERIAL.brass)
}

const ellipsePath = (cx: number, cy: number, rx: number, ry: number): readonly Point[] => ellipsePoints(cx, cy, rx, ry)

export const ACCESSORIES: Record<string, Drawing> = {
  tote,
  weekender,
  backpack,
  sling,
  basket,
  beanie,
  cap,
  panama,
  scarf,
  bandana,
  "card-holder": cardHolder,
  wallet,
  belt,
  "key-loop": keyLoop,
}
