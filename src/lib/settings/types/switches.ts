import { settingType, type SettingType } from "../setting-type"

const ON = ["on", "true", "1", "yes"]
const OFF = ["off", "false", "0", "no"]

/** A switch: on/true/1/yes or off/false/0/no, in any case. Anything else is refused, never guessed. */
export const onOff: SettingType<boolean> = settingType(
  `one of ${[...ON, ...OFF].map((word) => `"${word}"`).join(", ")}`,
  (text) => (ON.includes(text.toLowerCase()) ? true : OFF.includes(text.toLowerCase()) ? false : undefined)
)

/** One of `values`, in any case; the value is the listed spelling. */
export function oneOf<const V extends string>(values: readonly V[]): SettingType<V> {
  const expected = `one of ${values.map((value) => `"${value}"`).join(", ")}`
  return settingType(expected, (text) => values.find((value) => value === text.toLowerCase()))
}
