/**
 * Just enough PNG for the demo images: 8-bit RGB, not interlaced, written with node's zlib and read back by the
 * tests. No image library ships with the project (no sharp), and the format is small enough to write by hand.
 *
 * Each row takes the filter (None, Sub, Up, Average, Paeth) with the smallest sum of absolute values, libpng's own
 * heuristic: flat illustrations then deflate to a few kilobytes.
 */
import zlib from "node:zlib"

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const RGB = 2
const CHANNELS = 3

/** Pixels of an RGB image, row by row, 3 bytes each. */
export interface RgbImage {
  width: number
  height: number
  pixels: Uint8Array
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  }
  return c >>> 0
})

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff
  for (const byte of bytes) {
    crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8)
  }
  return (crc ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, "ascii")
  const tail = Buffer.alloc(4)
  tail.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, tail])
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c
  const pa = Math.abs(p - a)
  const pb = Math.abs(p - b)
  const pc = Math.abs(p - c)
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
}

/** The byte a filter predicts at `i` of a row, from the same row (`row`) and the one above (`up`). */
function predict(filter: number, row: Uint8Array, up: Uint8Array | undefined, i: number): number {
  const a = i >= CHANNELS ? row[i - CHANNELS] : 0
  const b = up ? up[i] : 0
  const c = up && i >= CHANNELS ? up[i - CHANNELS] : 0
  switch (filter) {
    case 1:
      return a
    case 2:
      return b
    case 3:
      return (a + b) >> 1
    case 4:
      return paeth(a, b, c)
    default:
      return 0
  }
}

export function encodePng(image: RgbImage): Buffer {
  const { width, height, pixels } = image
  const stride = width * CHANNELS
  if (pixels.length !== stride * height) {
    throw new Error(`encodePng: ${pixels.length} bytes for a ${width}×${height} RGB image`)
  }
  const filtered = Buffer.alloc((stride + 1) * height)
  const candidate = new Uint8Array(stride)
  for (let y = 0; y < height; y++) {
    const row = pixels.subarray(y * stride, (y + 1) * stride)
    const up = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : undefined
    let bestCost = Infinity
    for (let filter = 0; filter <= 4; filter++) {
      let cost = 0
      for (let i = 0; i < stride; i++) {
        const value = (row[i] - predict(filter, row, up, i)) & 0xff
        candidate[i] = value
        cost += value < 128 ? value : 256 - value
      }
      if (cost < bestCost) {
        bestCost = cost
        const out = y * (stride + 1)
        filtered[out] = filter
        filtered.set(candidate, out + 1)
      }
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8
  header[9] = RGB
  return Buffer.concat([
    SIGNATURE,
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(filtered, { level: 9, memLevel: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ])
}

/** Reads a PNG this module wrote (8-bit RGB, not interlaced); anything else is refused. */
export function decodePng(png: Buffer): RgbImage {
  if (!png.subarray(0, 8).equals(SIGNATURE)) {
    throw new Error("decodePng: not a PNG")
  }
  let offset = 8
  let width = 0
  let height = 0
  const data: Buffer[] = []
  while (offset < png.length) {
    const length = png.readUInt32BE(offset)
    const type = png.toString("ascii", offset + 4, offset + 8)
    const body = png.subarray(offset + 8, offset + 8 + length)
    if (crc32(png.subarray(offset + 4, offset + 8 + length)) !== png.readUInt32BE(offset + 8 + length)) {
      throw new Error(`decodePng: bad CRC in ${type}`)
    }
    if (type === "IHDR") {
      width = body.readUInt32BE(0)
      height = body.readUInt32BE(4)
      if (body[8] !== 8 || body[9] !== RGB || body[12] !== 0) {
        throw new Error("decodePng: only 8-bit RGB, not interlaced")
      }
    } else if (type === "IDAT") {
      data.push(body)
    }
    offset += 12 + length
  }
  const filtered = zlib.inflateSync(Buffer.concat(data))
  const stride = width * CHANNELS
  const pixels = new Uint8Array(stride * height)
  for (let y = 0; y < height; y++) {
    const filter = filtered[y * (stride + 1)]
    const row = pixels.subarray(y * stride, (y + 1) * stride)
    const up = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : undefined
    for (let i = 0; i < stride; i++) {
      row[i] = (filtered[y * (stride + 1) + 1 + i] + predict(filter, row, up, i)) & 0xff
    }
  }
  return { width, height, pixels }
}
