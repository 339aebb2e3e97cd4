import { compareTableChecksums } from "../table-checksums"

describe("comparing a restore with its backup", () => {
  const backup = [
    { table: "public.order", rows: 3, checksum: "a" },
    { table: "public.product", rows: 10, checksum: "b" },
  ]

  it("names every difference: missing and extra tables, row counts, content", () => {
    expect(compareTableChecksums(backup, backup)).toEqual([])
    expect(
      compareTableChecksums(backup, [
        { table: "public.order", rows: 2, checksum: "a" },
        { table: "public.cart", rows: 1, checksum: "c" },
      ])
    ).toEqual(["public.order: 2 rows, the backup has 3", "public.product: missing", "public.cart: not in the backup"])
    expect(compareTableChecksums(backup, [backup[0], { ...backup[1], checksum: "x" }])).toEqual([
      "public.product: same 10 rows but different content",
    ])
  })
})
