import type { Canvas, Rgb } from "./canvas"
import { ellipse } from "./shapes"

/** How one product is drawn: its colour, and a second one for stripes, checks and prints. */
export interface Look {
  color: Rgb
  accent: Rgb
}

/** Draws one kind of product onto the canvas, centred on the design space (400 × 500 units). */
export type Drawing = (canvas: Canvas, look: Look) => void

/** The soft shadow every object stands on. */
export function ground(canvas: Canvas, cx: number, y: number, rx: number): void {
  canvas.fill(ellipse(cx, y, rx, Math.max(8, rx * 0.09)), [0, 0, 0], { opacity: 0.07 })
}
