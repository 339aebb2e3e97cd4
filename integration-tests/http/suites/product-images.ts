import { createHash, randomBytes } from "node:crypto"
import fs from "node:fs"
import http from "node:http"
import path from "node:path"
import { Modules } from "@medusajs/framework/utils"
import products from "../../../data/products.json"
import { seedSyntheticCatalog } from "../../../src/scripts/seed"
import { adminHeaders } from "../../helpers/admin"
import { publishableKey } from "../../helpers/store"
import { TEST_FILE_URL, testFilesDir } from "../../helpers/test-files"
import type { RunnerContext } from "../../helpers/test-runner"

const IMMUTABLE = /^public, max-age=31536000, immutable$/
const IMAGES = path.resolve(__dirname, "../../../data/images")

/** The path a stored file's URL names on the backend: TEST_FILE_URL stands for a CDN in front of `/static`. */
const backendPath = (url: string): string => {
  expect(url.startsWith(`${TEST_FILE_URL}/`)).toBe(true)
  return `/static/${url.slice(TEST_FILE_URL.length + 1)}`
}

const sha16 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex").slice(0, 16)

/** A request whose path goes out exactly as written: axios and fetch resolve `..` and `%2e%2e` before sending. */
function rawGet(
  baseURL: string,
  rawPath: string
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const { hostname, port } = new URL(baseURL)
  return new Promise((resolve, reject) => {
    http
      .get({ host: hostname, port, path: rawPath }, (res) => {
        const chunks: Buffer[] = []
        res.on("data", (chunk: Buffer) => chunks.push(chunk))
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("latin1") })
        )
      })
      .on("error", reject)
  })
}

/**
 * Product images through Medusa's File Module and Tienda's provider (src/modules/file-local-immutable): the seeded
 * demo catalog has them, the backend serves them with a year-long immutable Cache-Control, admin uploads get the
 * same content-hashed URLs, and nothing outside the files folder is ever served.
 */
export function productImagesSuite({ api, getContainer }: RunnerContext): void {
  let store: { headers: Record<string, string> }

  beforeAll(async () => {
    store = { headers: { "x-publishable-api-key": await publishableKey(getContainer()) } }
  })

  async function upload(bytes: Buffer, filename: string): Promise<{ id: string; url: string }> {
    const form = new FormData()
    form.append("files", new Blob([new Uint8Array(bytes)], { type: "image/png" }), filename)
    const { status, data } = await api.post("/admin/uploads", form, await adminHeaders(api))
    expect(status).toBe(200)
    return data.files[0]
  }

  async function fetchFile(url: string, headers: Record<string, string> = {}) {
    return api.get(backendPath(url), { responseType: "arraybuffer", headers, validateStatus: () => true })
  }

  it("lists every demo product with its image, stored under a content-hashed name", async () => {
    const { data } = await api.get("/store/products?limit=100&fields=handle,thumbnail,*images", store)
    const byHandle = new Map<string, any>(data.products.map((product: any) => [product.handle, product]))
    for (const { handle } of products) {
      const product = byHandle.get(handle)
      const bytes = fs.readFileSync(path.join(IMAGES, `${handle}.png`))
      expect([handle, product?.thumbnail]).toEqual([handle, `${TEST_FILE_URL}/${handle}-${sha16(bytes)}.png`])
      expect(product.images.map((image: any) => image.url)).toEqual([product.thumbnail])
    }
  })

  it("serves a thumbnail with its bytes, an image type and a year-long immutable Cache-Control", async () => {
    const { data } = await api.get("/store/products?handle=stoneware-mug&fields=thumbnail", store)
    const response = await fetchFile(data.products[0].thumbnail)
    expect(response.status).toBe(200)
    expect(response.headers["content-type"]).toBe("image/png")
    expect(response.headers["cache-control"]).toMatch(IMMUTABLE)
    expect(response.headers["cross-origin-resource-policy"]).toBe("cross-origin")
    const bytes = fs.readFileSync(path.join(IMAGES, "stoneware-mug.png"))
    expect(Buffer.from(response.data).equals(bytes)).toBe(true)
    expect(response.headers.etag).toBe(`"${sha16(bytes)}"`)
    const again = await fetchFile(data.products[0].thumbnail, { "if-none-match": response.headers.etag })
    expect(again.status).toBe(304)
  })

  it("gives an admin upload a content-hashed URL that serves the same bytes with the same headers", async () => {
    const bytes = Buffer.concat([fs.readFileSync(path.join(IMAGES, "silk-bandana.png")), randomBytes(8)])
    const uploaded = await upload(bytes, "Pañuelo Nuevo.png")
    expect(uploaded.url).toBe(`${TEST_FILE_URL}/panuelo-nuevo-${sha16(bytes)}.png`)
    const response = await fetchFile(uploaded.url)
    expect(response.status).toBe(200)
    expect(Buffer.from(response.data).equals(bytes)).toBe(true)
    expect(response.headers["content-type"]).toBe("image/png")
    expect(response.headers["cache-control"]).toMatch(IMMUTABLE)

    // The same bytes: the same URL. Other bytes: another URL, and the first still serves what it served.
    expect((await upload(bytes, "Pañuelo Nuevo.png")).url).toBe(uploaded.url)
    const changed = Buffer.concat([bytes, Buffer.from([0])])
    const other = await upload(changed, "Pañuelo Nuevo.png")
    expect(other.url).not.toBe(uploaded.url)
    expect(Buffer.from((await fetchFile(other.url)).data).equals(changed)).toBe(true)
    expect(Buffer.from((await fetchFile(uploaded.url)).data).equals(bytes)).toBe(true)

    // A file name with directories lands in the files folder, under one segment.
    const escaped = await upload(bytes, "../../../escaped.png")
    expect(escaped.url).toBe(`${TEST_FILE_URL}/escaped-${sha16(bytes)}.png`)
    expect(fs.existsSync(path.join(testFilesDir(), path.basename(backendPath(escaped.url))))).toBe(true)
  })

  it("answers 404 for a missing file, without cache headers", async () => {
    const response = await rawGet(api.defaults.baseURL, "/static/missing-0123456789abcdef.png")
    expect(response.status).toBe(404)
    expect(response.headers["cache-control"]).not.toMatch(/immutable|max-age/)
  })

  it("never serves a file outside the files folder, whatever the spelling", async () => {
    // A file beside the folder, named as a stored key would be: only a `..` could reach it.
    const outside = `outside-${sha16(randomBytes(8))}.png`
    const outsidePath = path.join(path.dirname(testFilesDir()), outside)
    fs.writeFileSync(outsidePath, "NOT FOR THE WEB")
    try {
      for (const spelling of [
        "/static/..%2f..%2fpackage.json",
        "/static/%2e%2e/package.json",
        "/static/%2e%2e%2fpackage.json",
        "/static/%2e%2e%2f%2e%2e%2fpackage.json",
        "/static/..%5c..%5cpackage.json",
        "/static/../package.json",
        `/static/..%2f${outside}`,
        `/static/%2e%2e%2f${outside}`,
        `/static/%2E%2E/${outside}`,
        `/STATIC/..%2f${outside}`,
      ]) {
        const response = await rawGet(api.defaults.baseURL, spelling)
        expect({ spelling, refused: response.status >= 400 }).toEqual({ spelling, refused: true })
        expect(response.body).not.toMatch(/NOT FOR THE WEB|"workspaces"|"devDependencies"/)
      }
    } finally {
      fs.rmSync(outsidePath, { force: true })
    }
  })

  it("gives synthetic products a demo image of their kind as thumbnail, without image rows", async () => {
    const logger = { info: () => undefined, warn: () => undefined, error: () => undefined }
    const { firstSequence, lastSequence } = await seedSyntheticCatalog(getContainer(), { products: 4, logger })
    const all = await getContainer()
      .resolve(Modules.PRODUCT)
      .listProducts({}, { relations: ["images"], select: ["thumbnail", "metadata"], take: 1000 })
    const synthetic = all.filter((product) => product.metadata?.synthetic)
    expect(synthetic.map((product) => product.metadata?.sequence).sort()).toEqual(
      Array.from({ length: lastSequence - firstSequence + 1 }, (_, i) => firstSequence + i)
    )
    const demoThumbnails = new Set(
      (
        await getContainer()
          .resolve(Modules.PRODUCT)
          .listProducts({ handle: products.map((p) => p.handle) })
      ).map((product) => product.thumbnail)
    )
    for (const product of synthetic) {
      expect(product.thumbnail?.startsWith(`${TEST_FILE_URL}/`)).toBe(true)
      expect(demoThumbnails.has(product.thumbnail)).toBe(true)
      expect(product.images).toEqual([])
    }
  })
}
