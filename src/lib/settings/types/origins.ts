import { settingType } from "../setting-type"

/**
 * Medusa's CORS lists: comma-separated origins (`https://shop.example.com`, `http://localhost:8000`) or
 * `/regular expressions/`, which Medusa turns into RegExps. A path, a missing scheme or an empty entry is a typo
 * that would silently refuse every browser call.
 */
function isOrigin(entry: string): boolean {
  if (entry === "*" || (entry.length > 2 && entry.startsWith("/") && entry.endsWith("/"))) {
    return true
  }
  try {
    const parsed = new URL(entry)
    const http = parsed.protocol === "http:" || parsed.protocol === "https:"
    return http && parsed.origin === entry.replace(/\/$/, "").toLowerCase()
  } catch {
    return false
  }
}

export const origins = settingType("comma-separated origins like https://shop.example.com or /regexp/", (text) => {
  const entries = text.split(",").map((entry) => entry.trim())
  return entries.every(isOrigin) ? entries.join(",") : undefined
})
