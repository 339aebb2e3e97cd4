// Medusa's own Prettier settings (medusajs/medusa .prettierrc), except printWidth: Medusa keeps Prettier's 80,
// this repository's column limit is 120.
export default {
  endOfLine: "auto",
  semi: false,
  singleQuote: false,
  tabWidth: 2,
  trailingComma: "es5",
  printWidth: 120,
}
