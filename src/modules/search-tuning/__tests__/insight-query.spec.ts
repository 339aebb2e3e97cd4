import { EMAIL_MARK, insightQuery, MAX_INSIGHT_QUERY_LENGTH, NUMBER_MARK } from "../insight-query"

describe("insightQuery: the text insights keep of a shopper's query", () => {
  it("normalises as synonyms match: NFKC, lower case, control characters and runs of spaces to one space", () => {
    expect(insightQuery("  Linen\tTROUSERS\u0000 ")).toBe("linen trousers")
    expect(insightQuery("ｔｅｅ")).toBe("tee")
    expect(insightQuery("   ")).toBe("")
  })

  it("replaces email addresses, partial ones included", () => {
    expect(insightQuery("Ana.Garcia+shop@Example.com order")).toBe(`${EMAIL_MARK} order`)
    expect(insightQuery("where is ana@gmail")).toBe(`where is ${EMAIL_MARK}`)
    expect(insightQuery("a@b.c, x@y.z")).toBe(`${EMAIL_MARK} ${EMAIL_MARK}`)
  })

  it("replaces runs of six or more digits, with the separators people type", () => {
    expect(insightQuery("call +34 612 345 678")).toBe(`call ${NUMBER_MARK}`)
    expect(insightQuery("4111-1111-1111-1111")).toBe(NUMBER_MARK)
    expect(insightQuery("4111_1111_1111_1111")).toBe(NUMBER_MARK)
    expect(insightQuery("612,345,678")).toBe(NUMBER_MARK)
    expect(insightQuery("612 - 345 - 678")).toBe(NUMBER_MARK)
    expect(insightQuery("order #100234")).toBe(`order #${NUMBER_MARK}`)
    expect(insightQuery("(612) 345 678")).toBe(`(${NUMBER_MARK}`)
    expect(insightQuery("６１２３４５６７８")).toBe(NUMBER_MARK) // full-width digits, after NFKC
    expect(insightQuery("٦١٢٣٤٥٦٧")).toBe(NUMBER_MARK) // Arabic-Indic digits
  })

  it("keeps short numbers a catalog needs: sizes, years, five-digit codes", () => {
    expect(insightQuery("jeans 32/34")).toBe("jeans 32/34")
    expect(insightQuery("summer 2026 collection")).toBe("summer 2026 collection")
    expect(insightQuery("sku 12345")).toBe("sku 12345")
    expect(insightQuery("12345 a 6")).toBe("12345 a 6")
  })

  it(`cuts long queries to ${MAX_INSIGHT_QUERY_LENGTH} characters, never inside a character`, () => {
    const long = insightQuery("wool ".repeat(100))
    expect(long).toBe(`${"wool ".repeat(19)}wool…`)
    expect(insightQuery(`${"wool ".repeat(19)}abc defg`)).toBe(`${"wool ".repeat(19)}abc…`) // a space at the cut goes
    const emoji = insightQuery("👕".repeat(150))
    expect(Array.from(emoji)).toHaveLength(MAX_INSIGHT_QUERY_LENGTH)
    expect(emoji).toBe(`${"👕".repeat(MAX_INSIGHT_QUERY_LENGTH - 1)}…`)
    expect(insightQuery("x".repeat(MAX_INSIGHT_QUERY_LENGTH))).toBe("x".repeat(MAX_INSIGHT_QUERY_LENGTH))
  })

  it("redacts before it cuts, so a number at the cut is never left in part", () => {
    const text = `${"a".repeat(95)} 1234567890`
    expect(insightQuery(text)).toBe(`${"a".repeat(95)} ${NUMBER_MARK}`.slice(0, MAX_INSIGHT_QUERY_LENGTH - 1) + "…")
    expect(insightQuery(text)).not.toMatch(/\d/)
  })
})
