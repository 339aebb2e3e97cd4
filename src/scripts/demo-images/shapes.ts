/**
 * Shape builders in design units (see canvas.ts). Every outline is normalised to one orientation, so shapes can be
 * combined by concatenation (non-zero winding unites them) and `hole` cuts one out of another.
 */
import type { Point, Shape } from "./canvas"

function area(points: readonly Point[]): number {
  let sum = 0
  for (let i = 0; i < points.length; i++) {
    const [ax, ay] = points[i]
    const [bx, by] = points[(i + 1) % points.length]
    sum += ax * by - bx * ay
  }
  return sum / 2
}

/** The outline, turned to the common orientation. */
export function outline(points: readonly Point[]): Point[] {
  return area(points) < 0 ? [...points].reverse() : [...points]
}

/** The outline, turned against the common orientation: combined with a shape around it, it cuts a hole. */
export function hole(points: readonly Point[]): Point[] {
  return outline(points).reverse()
}

export const polygon = (points: readonly Point[]): Shape => [outline(points)]

export const rect = (x: number, y: number, w: number, h: number): Shape =>
  polygon([
    [x, y],
    [x + w, y],
    [x + w, y + h],
    [x, y + h],
  ])

function arcPoints(cx: number, cy: number, rx: number, ry: number, from: number, to: number, steps: number): Point[] {
  const points: Point[] = []
  for (let i = 0; i <= steps; i++) {
    const angle = from + ((to - from) * i) / steps
    points.push([cx + rx * Math.cos(angle), cy + ry * Math.sin(angle)])
  }
  return points
}

export function ellipsePoints(cx: number, cy: number, rx: number, ry: number): Point[] {
  const steps = Math.max(24, Math.round(Math.sqrt(Math.max(rx, ry)) * 10))
  return arcPoints(cx, cy, rx, ry, 0, 2 * Math.PI, steps).slice(0, -1)
}

export const ellipse = (cx: number, cy: number, rx: number, ry = rx): Shape => polygon(ellipsePoints(cx, cy, rx, ry))

/** An elliptical band `thickness` wide (a handle, a plate's rim). */
export function ring(cx: number, cy: number, rx: number, ry: number, thickness: number): Shape {
  return [outline(ellipsePoints(cx, cy, rx, ry)), hole(ellipsePoints(cx, cy, rx - thickness, ry - thickness))]
}

export function roundRectPoints(x: number, y: number, w: number, h: number, radius: number): Point[] {
  const r = Math.min(radius, w / 2, h / 2)
  const q = Math.PI / 2
  return [
    ...arcPoints(x + w - r, y + r, r, r, -q, 0, 8),
    ...arcPoints(x + w - r, y + h - r, r, r, 0, q, 8),
    ...arcPoints(x + r, y + h - r, r, r, q, 2 * q, 8),
    ...arcPoints(x + r, y + r, r, r, 2 * q, 3 * q, 8),
  ]
}

export const roundRect = (x: number, y: number, w: number, h: number, r: number): Shape =>
  polygon(roundRectPoints(x, y, w, h, r))

/** A quadratic Bézier from `a` through control `c` to `b`, as points (without `a`). */
export function curve(a: Point, c: Point, b: Point, steps = 12): Point[] {
  const points: Point[] = []
  for (let i = 1; i <= steps; i++) {
    const t = i / steps
    const u = 1 - t
    points.push([u * u * a[0] + 2 * u * t * c[0] + t * t * b[0], u * u * a[1] + 2 * u * t * c[1] + t * t * b[1]])
  }
  return points
}

/** A left half outline (top to bottom) and its mirror image about x = `axis`, as one closed outline. */
export function symmetric(half: readonly Point[], axis = 200): Shape {
  const mirrored = [...half].reverse().map(([x, y]): Point => [2 * axis - x, y])
  return polygon([...half, ...mirrored])
}

/** A line `width` wide through `points`, with round joints and ends. */
export function stroke(points: readonly Point[], width: number, closed = false): Shape {
  const r = width / 2
  const shapes: Point[][] = []
  const count = closed ? points.length : points.length - 1
  for (let i = 0; i < count; i++) {
    const [ax, ay] = points[i]
    const [bx, by] = points[(i + 1) % points.length]
    const length = Math.hypot(bx - ax, by - ay) || 1
    const nx = (-(by - ay) / length) * r
    const ny = ((bx - ax) / length) * r
    shapes.push(
      outline([
        [ax + nx, ay + ny],
        [bx + nx, by + ny],
        [bx - nx, by - ny],
        [ax - nx, ay - ny],
      ])
    )
  }
  for (const [x, y] of points) {
    shapes.push(outline(ellipsePoints(x, y, r, r)))
  }
  return shapes
}

/** A straight line from `a` to `b` broken into dashes (stitching). */
export function dashes(a: Point, b: Point, width: number, dash = 6, gap = 5): Shape {
  const length = Math.hypot(b[0] - a[0], b[1] - a[1])
  const shapes: (readonly Point[])[] = []
  for (let at = 0; at < length; at += dash + gap) {
    const t0 = at / length
    const t1 = Math.min(length, at + dash) / length
    shapes.push(
      ...stroke(
        [
          [a[0] + (b[0] - a[0]) * t0, a[1] + (b[1] - a[1]) * t0],
          [a[0] + (b[0] - a[0]) * t1, a[1] + (b[1] - a[1]) * t1],
        ],
        width
      )
    )
  }
  return shapes
}

/** Parallel bands `width` wide every `period` units, covering the box, turned by `degrees` about its centre. */
export function stripes(box: [number, number, number, number], period: number, width: number, degrees = 0): Shape {
  const [x, y, w, h] = box
  const cx = x + w / 2
  const cy = y + h / 2
  const reach = Math.hypot(w, h) / 2
  const shapes: Shape[] = []
  for (let offset = -reach; offset < reach; offset += period) {
    shapes.push(rect(cx - reach, cy + offset, 2 * reach, width))
  }
  return rotate(shapes.flat(), degrees, cx, cy)
}

export function rotate(shape: Shape, degrees: number, cx: number, cy: number): Shape {
  const angle = (degrees * Math.PI) / 180
  const cos = Math.cos(angle)
  const sin = Math.sin(angle)
  return shape.map((points) =>
    points.map(([x, y]): Point => [cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos])
  )
}

export const translate = (shape: Shape, dx: number, dy: number): Shape =>
  shape.map((points) => points.map(([x, y]): Point => [x + dx, y + dy]))

export const union = (...shapes: Shape[]): Shape => shapes.flat()
