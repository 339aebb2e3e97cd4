import { createHash } from "node:crypto"
import { contentHash, extensionOf, nameOf, parseKey, privateKey, publicKey } from "../file-keys"
import { decodeContent } from "../file-content"

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])

describe("stored file keys", () => {
  it("names a public file by its name and the first 16 hex digits of its SHA-256", () => {
    const hash = createHash("sha256").update(PNG).digest("hex").slice(0, 16)
    expect(publicKey("Linen Shirt.PNG", "image/png", PNG)).toBe(`linen-shirt-${hash}.png`)
    expect(contentHash(PNG)).toBe(hash)
  })

  it("gives the same bytes the same key and other bytes another", () => {
    const other = Buffer.concat([PNG, Buffer.from([1])])
    expect(publicKey("a.png", "image/png", PNG)).toBe(publicKey("a.png", "image/png", Buffer.from(PNG)))
    expect(publicKey("a.png", "image/png", other)).not.toBe(publicKey("a.png", "image/png", PNG))
  })

  it("keeps one safe segment of any file name", () => {
    expect(nameOf("../../etc/passwd")).toBe("passwd")
    expect(nameOf("..\\..\\Windows\\win.ini")).toBe("win")
    expect(nameOf("Camisa de Lino (2).jpeg")).toBe("camisa-de-lino-2")
    expect(nameOf("...")).toBe("")
    // As multer hands POST /admin/uploads a UTF-8 name (latin1-decoded), and as everyone else does.
    expect(nameOf(Buffer.from("Pañuelo Nuevo.png", "utf8").toString("latin1"))).toBe("panuelo-nuevo")
    expect(nameOf("Pañuelo Nuevo.png")).toBe("panuelo-nuevo")
    expect(publicKey("../../x.png", "image/png", PNG)).toMatch(/^x-[0-9a-f]{16}\.png$/)
    expect(publicKey("", "image/webp", PNG)).toMatch(/^[0-9a-f]{16}\.webp$/)
  })

  it("takes the extension from the name when it is plain, else from the media type", () => {
    expect(extensionOf("photo.JPG", "image/jpeg")).toBe("jpg")
    expect(extensionOf("photo", "image/jpeg")).toBe("jpg")
    expect(extensionOf("photo.p%ng", "image/png")).toBe("png")
    expect(extensionOf("export", "application/x-unknown")).toBe("bin")
  })

  it("makes private keys unguessable and never the same twice", () => {
    const a = privateKey("orders-export.csv", "text/csv")
    const b = privateKey("orders-export.csv", "text/csv")
    expect(a).toMatch(/^private_[0-9a-f]{32}-orders-export\.csv$/)
    expect(a).not.toBe(b)
    expect(parseKey(a)).toEqual({ access: "private", extension: "csv" })
  })

  it("recognises only keys it could have made", () => {
    const key = publicKey("shirt.png", "image/png", PNG)
    expect(parseKey(key)).toEqual({ access: "public", hash: contentHash(PNG), extension: "png" })
    for (const bad of [
      "../package.json",
      "..%2fpackage.json",
      "a/b-0123456789abcdef.png",
      "..",
      ".env",
      `${key}/..`,
      `/${key}`,
      "shirt-0123456789ABCDEF.png",
      "shirt-0123456789abcde.png",
      "private_0123.csv",
      "shirt-0123456789abcdef.png\u0000",
      "",
      undefined,
    ]) {
      expect(parseKey(bad)).toBeUndefined()
    }
  })
})

describe("upload content", () => {
  it("decodes base64 (the admin's uploads), text and binary strings to the same bytes", () => {
    expect(decodeContent(PNG.toString("base64"), "image/png").equals(PNG)).toBe(true)
    expect(decodeContent(PNG.toString("latin1"), "image/png").equals(PNG)).toBe(true)
    expect(decodeContent("name,price\nCafé,1", "text/csv").toString("utf8")).toBe("name,price\nCafé,1")
  })
})
