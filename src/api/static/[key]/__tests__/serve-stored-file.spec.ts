import fs from "node:fs"
import http from "node:http"
import type { AddressInfo } from "node:net"
import os from "node:os"
import path from "node:path"
import express from "express"
import { MedusaError } from "@medusajs/framework/utils"
import { ImmutableLocalFileProviderService } from "../../../../modules/file-local-immutable/service"
import { storedFileServer } from "../serve-stored-file"

/** Raw requests: the path goes out exactly as written (fetch and axios would resolve `..` and `%2e%2e` first). */
function request(port: number, method: string, rawPath: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path: rawPath, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on("data", (chunk: Buffer) => chunks.push(chunk))
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on("error", reject)
    req.end()
  })
}

describe("serving stored files", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "tienda-serve-"))
  const dir = path.join(root, "uploads")
  const provider = new ImmutableLocalFileProviderService({}, { uploadDir: dir, publicUrl: "http://cdn.test/static" })
  const image = Buffer.from("\x89PNG\r\n\x1a\n pixels", "latin1")
  const secretName = "secret-0123456789abcdef.png"
  let server: http.Server
  let port: number
  let key: string

  beforeAll(async () => {
    ;({ key } = await provider.upload({
      filename: "shirt.png",
      mimeType: "image/png",
      content: image.toString("base64"),
      access: "public",
    }))
    // A file beside the folder with a name the grammar would accept: only `..` could reach it.
    fs.writeFileSync(path.join(root, secretName), "NOT FOR THE WEB")
    fs.writeFileSync(path.join(dir, ".upload-0123.tmp"), "half a file")
    const app = express()
    // As the app's security headers do for every answer, before any route.
    app.use((_req, res, next) => {
      res.setHeader("Cache-Control", "no-store")
      res.setHeader("Cross-Origin-Resource-Policy", "same-origin")
      next()
    })
    const serve = storedFileServer(() => dir)
    // As Medusa's router runs a route's handler: a rejection goes to the error handler.
    app.get("/static/:key", (req, res, next) => {
      serve(req as never, res as never).catch(next)
    })
    app.use((error: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      const status = error instanceof MedusaError && error.type === MedusaError.Types.NOT_FOUND ? 404 : 500
      res.status(status).json({ message: error.message })
    })
    server = http.createServer(app).listen(0, "127.0.0.1")
    await new Promise((resolve) => server.once("listening", resolve))
    port = (server.address() as AddressInfo).port
  })
  afterAll(() => {
    server.close()
    fs.rmSync(root, { recursive: true, force: true })
  })

  it("answers a public file with its bytes, its type and a year-long immutable Cache-Control", async () => {
    const { status, headers, body } = await request(port, "GET", `/static/${key}`)
    expect(status).toBe(200)
    expect(body.equals(image)).toBe(true)
    expect(headers["content-type"]).toBe("image/png")
    expect(headers["cache-control"]).toBe("public, max-age=31536000, immutable")
    expect(headers.etag).toBe(`"${key.slice(-20, -4)}"`)
    expect(headers["last-modified"]).toBeTruthy()
    expect(headers["cross-origin-resource-policy"]).toBe("cross-origin")
  })

  it("answers 304 to a matching If-None-Match, and HEAD without a body", async () => {
    const etag = `"${key.slice(-20, -4)}"`
    const notModified = await request(port, "GET", `/static/${key}`, { "if-none-match": etag })
    expect(notModified.status).toBe(304)
    const head = await request(port, "HEAD", `/static/${key}`)
    expect(head.status).toBe(200)
    expect(head.body.length).toBe(0)
    expect(head.headers["cache-control"]).toBe("public, max-age=31536000, immutable")
  })

  it("answers a private file (an export) with no-store, as a download", async () => {
    const { key: privateKey } = await provider.upload({
      filename: "orders.csv",
      mimeType: "text/csv",
      content: "id\n1",
    })
    const { status, headers, body } = await request(port, "GET", `/static/${privateKey}`)
    expect(status).toBe(200)
    expect(body.toString()).toBe("id\n1")
    expect(headers["cache-control"]).toBe("private, no-store")
    expect(headers["content-disposition"]).toBe("attachment")
    expect(headers.etag).toBeUndefined()
  })

  it("answers 404 for a missing file, without cache headers a CDN would keep", async () => {
    const { status, headers } = await request(port, "GET", "/static/gone-0123456789abcdef.png")
    expect(status).toBe(404)
    expect(headers["cache-control"]).toBe("no-store")
    expect(headers["cross-origin-resource-policy"]).toBe("same-origin")
  })

  it("never serves anything outside the folder, nor a file being written", async () => {
    for (const spelling of [
      `/static/..%2f${secretName}`,
      `/static/%2e%2e%2f${secretName}`,
      `/static/%2E%2E%2F${secretName}`,
      `/static/%2e%2e/${secretName}`,
      `/static/../${secretName}`,
      `/static/..%5c${secretName}`,
      `/static/uploads%2f..%2f..%2f${secretName}`,
      "/static/..%2f..%2fpackage.json",
      "/static/.upload-0123.tmp",
      "/static/%2eupload-0123.tmp",
    ]) {
      const { status, body } = await request(port, "GET", spelling)
      expect({ spelling, status }).toEqual({ spelling, status: 404 })
      expect(body.toString()).not.toMatch(/NOT FOR THE WEB|half a file|"name"/)
    }
  })
})
