// JSDoc rendering. Swagger descriptions carry \r\n and may contain "*/", which
// would end the comment early; both are normalised here and nowhere else.

export function cleanText(text: string | undefined): string {
  return (text ?? "").replace(/\r\n?/g, "\n").replace(/\*\//g, "*\\/").trim();
}

/** A JSDoc block (with trailing newline) or "" when there is nothing to say. */
export function jsDoc(...paragraphs: Array<string | undefined>): string {
  const text = paragraphs
    .map(cleanText)
    .filter((p) => p.length > 0)
    .join("\n\n");
  if (text.length === 0) return "";
  const lines = text.split("\n").map((line) => (line.length > 0 ? ` * ${line}` : " *"));
  return `/**\n${lines.join("\n")}\n */\n`;
}
