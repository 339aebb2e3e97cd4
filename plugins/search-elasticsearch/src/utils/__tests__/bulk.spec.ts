import { chunkEntries, deleteEntries, describeFailures, indexEntries, readBulkFailures } from "../bulk"

describe("bulk entries", () => {
  it("index actions by primary key, source unchanged; a document without one is refused", () => {
    const [entry] = indexEntries("tienda_product_v1", [{ id: "p1", title: "T" }], "id")
    expect(entry.lines).toEqual([{ index: { _index: "tienda_product_v1", _id: "p1" } }, { id: "p1", title: "T" }])
    expect(entry.bytes).toBe(Buffer.byteLength(entry.lines.map((l) => JSON.stringify(l) + "\n").join("")))
    expect(() => indexEntries("a", [{ id: "p1" }, { id: "" } as any], "id")).toThrow(
      /Document 2 of 2 .* no primary key "id"/
    )
    expect(deleteEntries("a", ["x"])[0].lines).toEqual([{ delete: { _index: "a", _id: "x" } }])
  })

  it("chunks by count and by bytes, never leaving an entry out", () => {
    const entries = indexEntries(
      "a",
      Array.from({ length: 7 }, (_, i) => ({ id: `p${i}` })),
      "id"
    )
    expect(chunkEntries(entries, 3, 1e9).map((c) => c.map((e) => e.id))).toEqual([
      ["p0", "p1", "p2"],
      ["p3", "p4", "p5"],
      ["p6"],
    ])
    const size = entries[0].bytes
    expect(chunkEntries(entries, 100, size * 2).map((c) => c.length)).toEqual([2, 2, 2, 1])
    expect(chunkEntries(entries, 100, 1).map((c) => c.length)).toEqual([1, 1, 1, 1, 1, 1, 1])
  })

  it("splits failed items into retryable (429, 502-504) and refused; a missing document's delete is fine", () => {
    const result = readBulkFailures({
      errors: true,
      items: [
        { index: { _id: "a", status: 201 } },
        { index: { _id: "b", status: 429, error: { type: "es_rejected_execution_exception", reason: "queue full" } } },
        {
          index: {
            _id: "c",
            status: 400,
            error: { type: "document_parsing_exception", reason: "failed to parse field [min_price]" },
          },
        },
        { delete: { _id: "d", status: 404, result: "not_found" } },
        { index: { _id: "e", status: 503, error: { type: "unavailable_shards_exception" } } },
      ],
    })
    expect(result.retryable.map((f) => f.id)).toEqual(["b", "e"])
    expect(result.failed).toEqual([
      { id: "c", status: 400, type: "document_parsing_exception", reason: "failed to parse field [min_price]" },
    ])
    expect(readBulkFailures({ errors: false, items: [{ index: { _id: "x", status: 429 } }] })).toEqual({
      retryable: [],
      failed: [],
    })
  })

  it("describes at most three failures", () => {
    const failures = ["a", "b", "c", "d", "e"].map((id) => ({ id, status: 400, type: "document_parsing_exception" }))
    expect(describeFailures(failures, 10)).toBe(
      "Elasticsearch rejected 5 of 10 document(s): a: document_parsing_exception; b: document_parsing_exception; c: document_parsing_exception; and 2 more"
    )
  })
})
