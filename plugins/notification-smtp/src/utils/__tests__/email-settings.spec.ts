import { defaultEmailSettings, effectiveEmailSettings, withEmailSettings } from "../email-settings"
import { resolveOptions } from "../options"

const defaults = defaultEmailSettings(
  resolveOptions({ logoUrl: "https://cdn.example.com/logo.png", brandColor: "#112233", merchantEmail: "a@b.example" })
)

describe("email settings set in the admin", () => {
  it("take the options' values while nothing is saved", () => {
    expect(defaults).toEqual({
      logo_url: "https://cdn.example.com/logo.png",
      brand_color: "#112233",
      merchant_email: "a@b.example",
    })
    expect(effectiveEmailSettings(undefined, defaults)).toEqual(defaults)
    expect(defaultEmailSettings(resolveOptions({}))).toEqual({
      logo_url: null,
      brand_color: "#1f2937",
      merchant_email: null,
    })
  })

  it("a saved value wins over its option; the others keep theirs", () => {
    expect(effectiveEmailSettings({ brand_color: "#ff0000" }, defaults)).toEqual({
      ...defaults,
      brand_color: "#ff0000",
    })
  })

  it("ignore a saved value that breaks its rule (metadata written elsewhere) instead of putting it into an email", () => {
    const saved = { brand_color: "red;background:url(x)", logo_url: "javascript:alert(1)", merchant_email: "x" }
    expect(effectiveEmailSettings(saved, defaults)).toEqual(defaults)
    expect(effectiveEmailSettings("not an object", defaults)).toEqual(defaults)
  })

  it("are saved into the store's metadata without touching its other keys; null removes one", () => {
    const metadata = {
      owner_note: "keep",
      tienda_email: { brand_color: "#000000", logo_url: "https://x.example/l.png" },
    }
    expect(withEmailSettings(metadata, { brand_color: null, merchant_email: "m@x.example" })).toEqual({
      owner_note: "keep",
      tienda_email: { logo_url: "https://x.example/l.png", merchant_email: "m@x.example" },
    })
    expect(metadata.tienda_email.brand_color).toBe("#000000")
    expect(withEmailSettings(null, { logo_url: "https://x.example/l.png" })).toEqual({
      tienda_email: { logo_url: "https://x.example/l.png" },
    })
  })
})
