import { parseOptions } from "../parse-options"
import { UsageError } from "../../shared/project"

describe("parseOptions", () => {
  it("turns key=value pairs into literals and env:NAME references", () => {
    expect(
      parseOptions(["rate=4.95", "live=true", "key=env:ACME_KEY", "tags=a, b", "note=x);y("], { tags: [] })
    ).toEqual({
      rate: 4.95,
      live: true,
      key: "env:ACME_KEY",
      tags: ["a", "b"],
      note: "x);y(",
    })
  })

  it("refuses env: followed by anything but a variable name, in a value, a list or a plugin's defaults", () => {
    const bad = /"env:" must be followed by an environment variable's name/
    expect(() => parseOptions(["key=env:X);require('child_process').execSync('id')"])).toThrow(UsageError)
    expect(() => parseOptions(["key=env:X);require('child_process').execSync('id')"])).toThrow(bad)
    expect(() => parseOptions(["list=ok,env:A B"])).toThrow(bad)
    expect(() => parseOptions([], { key: "env:process.exit()" })).toThrow(bad)
    expect(() => parseOptions([], { key: { nested: 1 } } as never)).toThrow(
      /must be a string, number, boolean or list of strings/
    )
  })
})
