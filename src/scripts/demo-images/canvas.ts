/**
 * A small anti-aliased rasterizer for flat illustrations: filled polygons (non-zero winding, so a reversed inner
 * outline cuts a hole), optionally clipped by another shape, blended over an RGB canvas.
 *
 * Coverage is exact across a pixel row and sampled at SUBROWS heights within it, which smooths every edge without
 * rendering at a multiple of the size. Drawings use design units (DESIGN_WIDTH × DESIGN_HEIGHT) and the canvas scales
 * them, so the same drawing renders at any output size.
 */
import type { RgbImage } from "./png"

export type Point = readonly [number, number]
/** One or more closed outlines, filled together (non-zero winding). */
export type Shape = readonly (readonly Point[])[]
export type Rgb = readonly [number, number, number]

export const DESIGN_WIDTH = 400
export const DESIGN_HEIGHT = 500

const SUBROWS = 4

interface Edge {
  x0: number
  y0: number
  x1: number
  y1: number
  /** +1 downwards, -1 upwards. */
  winding: number
}

export interface FillOptions {
  /** Only what lies inside this shape is painted (stripes on a shirt). */
  clip?: Shape
  /** 0–1. */
  opacity?: number
}

export class Canvas {
  readonly width: number
  readonly height: number
  private readonly scale: number
  private readonly pixels: Float32Array
  private readonly coverage: Float32Array
  private readonly clipCoverage: Float32Array
  private readonly crossingX: number[] = []
  private readonly crossingWinding: number[] = []

  constructor(width: number, background: Rgb) {
    this.width = width
    this.scale = width / DESIGN_WIDTH
    this.height = Math.round(DESIGN_HEIGHT * this.scale)
    const pixels = new Float32Array(this.width * this.height * 3)
    const [r, g, b] = background
    for (let i = 0; i < pixels.length; i += 3) {
      pixels[i] = r
      pixels[i + 1] = g
      pixels[i + 2] = b
    }
    this.pixels = pixels
    this.coverage = new Float32Array(this.width)
    this.clipCoverage = new Float32Array(this.width)
  }

  fill(shape: Shape, color: Rgb, options: FillOptions = {}): void {
    const edges = new ActiveEdges(this.edgesOf(shape))
    if (edges.empty) {
      return
    }
    const clipEdges = options.clip ? new ActiveEdges(this.edgesOf(options.clip)) : undefined
    const opacity = options.opacity ?? 1
    const top = Math.max(0, Math.floor(edges.top))
    const bottom = Math.min(this.height, Math.ceil(edges.bottom))
    for (let y = top; y < bottom; y++) {
      const span = this.coverRow(edges.at(y), y, this.coverage)
      const clipSpan = clipEdges ? this.coverRow(clipEdges.at(y), y, this.clipCoverage) : undefined
      if (span && (!clipEdges || clipSpan)) {
        for (let x = span[0]; x < span[1]; x++) {
          let alpha = Math.min(1, this.coverage[x]) * opacity
          if (clipEdges) {
            alpha *= Math.min(1, this.clipCoverage[x])
          }
          if (alpha > 0) {
            const i = (y * this.width + x) * 3
            this.pixels[i] += (color[0] - this.pixels[i]) * alpha
            this.pixels[i + 1] += (color[1] - this.pixels[i + 1]) * alpha
            this.pixels[i + 2] += (color[2] - this.pixels[i + 2]) * alpha
          }
        }
      }
      if (span) {
        this.coverage.fill(0, span[0], span[1])
      }
      if (clipSpan) {
        this.clipCoverage.fill(0, clipSpan[0], clipSpan[1])
      }
    }
  }

  image(): RgbImage {
    const source = this.pixels
    const pixels = new Uint8Array(source.length)
    for (let i = 0; i < pixels.length; i++) {
      pixels[i] = Math.max(0, Math.min(255, Math.round(source[i])))
    }
    return { width: this.width, height: this.height, pixels }
  }

  private edgesOf(shape: Shape): Edge[] {
    const edges: Edge[] = []
    for (const outline of shape) {
      for (let i = 0; i < outline.length; i++) {
        const [ax, ay] = outline[i]
        const [bx, by] = outline[(i + 1) % outline.length]
        if (ay !== by) {
          const s = this.scale
          edges.push({ x0: ax * s, y0: ay * s, x1: bx * s, y1: by * s, winding: by > ay ? 1 : -1 })
        }
      }
    }
    return edges
  }

  /** Adds the coverage of pixel row `y` by `edges` (those crossing the row) into `into`; the columns touched. */
  private coverRow(edges: readonly Edge[], y: number, into: Float32Array): [number, number] | undefined {
    let left = this.width
    let right = 0
    // Plain loops and two reused arrays kept sorted by insertion: this is the hot path.
    const xs = this.crossingX
    const ws = this.crossingWinding
    for (let sub = 0; sub < SUBROWS; sub++) {
      const sy = y + (sub + 0.5) / SUBROWS
      let count = 0
      for (let k = 0; k < edges.length; k++) {
        const e = edges[k]
        if ((sy >= e.y0 && sy < e.y1) || (sy >= e.y1 && sy < e.y0)) {
          const x = e.x0 + ((sy - e.y0) * (e.x1 - e.x0)) / (e.y1 - e.y0)
          let at = count++
          while (at > 0 && xs[at - 1] > x) {
            xs[at] = xs[at - 1]
            ws[at] = ws[at - 1]
            at--
          }
          xs[at] = x
          ws[at] = e.winding
        }
      }
      let winding = 0
      let start = 0
      for (let k = 0; k < count; k++) {
        const before = winding
        winding += ws[k]
        if (before === 0 && winding !== 0) {
          start = xs[k]
        } else if (before !== 0 && winding === 0) {
          const touched = this.addSpan(into, start, xs[k], 1 / SUBROWS)
          if (touched) {
            left = Math.min(left, touched[0])
            right = Math.max(right, touched[1])
          }
        }
      }
    }
    return left < right ? [left, right] : undefined
  }

  private addSpan(into: Float32Array, from: number, to: number, weight: number): [number, number] | undefined {
    const a = Math.max(0, from)
    const b = Math.min(this.width, to)
    if (b <= a) {
      return undefined
    }
    const first = Math.floor(a)
    const last = Math.min(this.width - 1, Math.floor(b))
    if (first === last) {
      into[first] += (b - a) * weight
    } else {
      into[first] += (first + 1 - a) * weight
      for (let x = first + 1; x < last; x++) {
        into[x] += weight
      }
      into[last] += (b - last) * weight
    }
    return [first, last + 1]
  }
}

/** The edges of a shape that cross each pixel row, walked from top to bottom (rows must be asked in order). */
class ActiveEdges {
  readonly top: number
  readonly bottom: number
  readonly empty: boolean
  private readonly pending: Edge[]
  private next = 0
  private active: Edge[] = []

  constructor(edges: Edge[]) {
    this.pending = edges
      .map((edge) => ({ edge, top: Math.min(edge.y0, edge.y1) }))
      .sort((a, b) => a.top - b.top)
      .map(({ edge }) => edge)
    this.empty = edges.length === 0
    this.top = this.empty ? 0 : Math.min(...edges.map((e) => Math.min(e.y0, e.y1)))
    this.bottom = this.empty ? 0 : Math.max(...edges.map((e) => Math.max(e.y0, e.y1)))
  }

  at(y: number): readonly Edge[] {
    while (
      this.next < this.pending.length &&
      Math.min(this.pending[this.next].y0, this.pending[this.next].y1) < y + 1
    ) {
      this.active.push(this.pending[this.next++])
    }
    this.active = this.active.filter((e) => Math.max(e.y0, e.y1) > y)
    return this.active
  }
}
