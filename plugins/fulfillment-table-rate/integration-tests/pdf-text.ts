/**
 * The text lines of a PDF whose content streams are uncompressed (as the packing slips are): each `[...] TJ`
 * text-showing operation becomes one line, its hex strings decoded (standard fonts, WinAnsi ≈ latin1).
 */
export function pdfTextLines(pdf: Buffer): string[] {
  const source = pdf.toString("latin1")
  const lines: string[] = []
  for (const match of source.matchAll(/\[((?:<[0-9a-fA-F]*>|[\s\d.-])*)\]\s*TJ/g)) {
    const hexes = [...match[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => Buffer.from(m[1], "hex").toString("latin1"))
    lines.push(hexes.join(""))
  }
  for (const match of source.matchAll(/<([0-9a-fA-F]*)>\s*Tj/g)) {
    lines.push(Buffer.from(match[1], "hex").toString("latin1"))
  }
  return lines
}
