/** A library's error as a short fragment of the one-line IngestError message (its own newlines folded). */
export function errorDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
