/** Every setting that is wrong, in one error: a boot that stops names them all, not the first one only. */
export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `${problems.length} environment variable${problems.length === 1 ? " is" : "s are"} wrong ` +
        `(see .env.example):\n${problems.map((problem) => `  - ${problem}`).join("\n")}`
    )
    this.name = "SettingsError"
  }
}
