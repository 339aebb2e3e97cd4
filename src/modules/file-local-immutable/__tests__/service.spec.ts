import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileStorageOf } from "../options"
import { ImmutableLocalFileProviderService } from "../service"

const BASE = "https://cdn.example.com/static"
const IMAGE = Buffer.from("\x89PNG\r\n\x1a\n a tiny test image", "latin1")

describe("the immutable local file provider", () => {
  let root: string
  let dir: string
  let provider: ImmutableLocalFileProviderService

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "tienda-files-"))
    dir = path.join(root, "uploads")
    provider = new ImmutableLocalFileProviderService({}, { uploadDir: dir, publicUrl: `${BASE}/` })
  })
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

  const upload = (bytes: Buffer, filename = "linen-shirt.png") =>
    provider.upload({ filename, mimeType: "image/png", content: bytes.toString("base64"), access: "public" })
  const filesIn = (folder: string) => fs.readdirSync(folder).sort()

  it("stores a public file under its name and content hash, and answers its URL", async () => {
    const { key, url } = await upload(IMAGE)
    expect(key).toMatch(/^linen-shirt-[0-9a-f]{16}\.png$/)
    expect(url).toBe(`${BASE}/${key}`)
    expect(fs.readFileSync(path.join(dir, key)).equals(IMAGE)).toBe(true)
    expect((await provider.getAsBuffer({ fileKey: key })).equals(IMAGE)).toBe(true)
  })

  it("gives the same bytes the same URL, stored once, and other bytes another URL", async () => {
    const first = await upload(IMAGE)
    const again = await upload(Buffer.from(IMAGE))
    const changed = await upload(Buffer.concat([IMAGE, Buffer.from("!")]))
    expect(again).toEqual(first)
    expect(changed.url).not.toBe(first.url)
    expect(filesIn(dir)).toEqual([first.key, changed.key].sort())
  })

  it("keeps a file name's directories and `..` out of the folder path", async () => {
    const { key } = await upload(IMAGE, "../../../escaped.png")
    expect(key).toMatch(/^escaped-[0-9a-f]{16}\.png$/)
    expect(filesIn(dir)).toEqual([key])
    expect(fs.existsSync(path.join(root, "escaped.png"))).toBe(false)
    expect(filesIn(root)).toEqual(["uploads"])
  })

  it("refuses keys that point outside the folder, before touching anything", async () => {
    const outside = path.join(root, "outside-0123456789abcdef.png")
    fs.writeFileSync(outside, "not yours")
    await upload(IMAGE)
    for (const fileKey of [
      "../outside-0123456789abcdef.png",
      "..%2foutside-0123456789abcdef.png",
      `${path.sep}etc${path.sep}passwd`,
      outside,
      "..",
    ]) {
      await expect(provider.delete({ fileKey })).rejects.toThrow(/Not a stored file key/)
      await expect(provider.getAsBuffer({ fileKey })).rejects.toThrow(/Not a stored file key/)
      await expect(provider.getDownloadStream({ fileKey })).rejects.toThrow(/Not a stored file key/)
      await expect(provider.getPresignedDownloadUrl({ fileKey })).rejects.toThrow(/Not a stored file key/)
    }
    expect(fs.readFileSync(outside, "utf8")).toBe("not yours")
  })

  it("deletes a stored file, and answers NOT_FOUND for it afterwards", async () => {
    const { key } = await upload(IMAGE)
    await provider.delete([{ fileKey: key }])
    expect(filesIn(dir)).toEqual([])
    await expect(provider.getPresignedDownloadUrl({ fileKey: key })).rejects.toThrow(/not found/)
    await expect(provider.getAsBuffer({ fileKey: key })).rejects.toThrow(/not found/)
  })

  it("gives private files random keys, never a content hash", async () => {
    const csv = { filename: "products.csv", mimeType: "text/csv", content: "handle\nshirt" }
    const a = await provider.upload(csv)
    const b = await provider.upload(csv)
    expect(a.key).toMatch(/^private_[0-9a-f]{32}-products\.csv$/)
    expect(b.key).not.toBe(a.key)
    expect((await provider.getAsBuffer({ fileKey: a.key })).toString()).toBe("handle\nshirt")
  })

  it("streams an export to a private key that appears only once the stream has ended", async () => {
    const { writeStream, promise, fileKey, url } = await provider.getUploadStream({
      filename: "order-exports.csv",
      mimeType: "text/csv",
    })
    expect(fileKey).toMatch(/^private_[0-9a-f]{32}-order-exports\.csv$/)
    expect(url).toBe(`${BASE}/${fileKey}`)
    writeStream.write("id,email\n")
    expect(fs.existsSync(path.join(dir, fileKey))).toBe(false)
    writeStream.end("order_1,ana@example.com\n")
    await expect(promise).resolves.toEqual({ key: fileKey, url })
    expect(fs.readFileSync(path.join(dir, fileKey), "utf8")).toBe("id,email\norder_1,ana@example.com\n")
    expect(filesIn(dir)).toEqual([fileKey])
  })
})

describe("the provider's options", () => {
  const validateFileOptions = (options: Record<string, unknown>) =>
    ImmutableLocalFileProviderService.validateOptions(options)

  it("are refused at boot when the folder is relative or Medusa's own /static, or the URL is not http(s)", () => {
    expect(() => validateFileOptions({ uploadDir: "uploads", publicUrl: BASE })).toThrow(/absolute path/)
    expect(() => validateFileOptions({ uploadDir: path.join(process.cwd(), "static"), publicUrl: BASE })).toThrow(
      /Medusa serves that folder itself/
    )
    expect(() => validateFileOptions({ uploadDir: "/srv/files", publicUrl: "ftp://x/static" })).toThrow(/publicUrl/)
    expect(() => validateFileOptions({ uploadDir: "/srv/files", publicUrl: `${BASE}?v=1` })).toThrow(/publicUrl/)
    expect(() => validateFileOptions({ uploadDir: "/srv/files", publicUrl: BASE })).not.toThrow()
  })

  it("come from the settings: a folder that survives rebuilds, URLs on the backend or a CDN", () => {
    const root = "/srv/shop"
    expect(fileStorageOf(root, {})).toEqual({
      uploadDir: "/srv/shop/.tienda/uploads",
      publicUrl: "http://localhost:9000/static",
    })
    expect(fileStorageOf(root, { TIENDA_STATE_DIR: "/var/lib/tienda", PORT: "9100" })).toEqual({
      uploadDir: "/var/lib/tienda/uploads",
      publicUrl: "http://localhost:9100/static",
    })
    expect(fileStorageOf(root, { TIENDA_FILE_DIR: "media", MEDUSA_BACKEND_URL: "https://api.shop.example/" })).toEqual({
      uploadDir: "/srv/shop/media",
      publicUrl: "https://api.shop.example/static",
    })
    expect(fileStorageOf(root, { TIENDA_FILE_URL: "https://img.shop.example/", MEDUSA_BACKEND_URL: "/" })).toEqual({
      uploadDir: "/srv/shop/.tienda/uploads",
      publicUrl: "https://img.shop.example",
    })
    expect(() => fileStorageOf(root, { TIENDA_FILE_URL: "cdn.shop.example" })).toThrow(/TIENDA_FILE_URL/)
  })
})
