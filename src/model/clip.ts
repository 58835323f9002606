// Keeps messages readable whatever the data holds: a 5 MB quote is echoed as its first 200 characters.

export const CLIP_LENGTH = 200;

/** `text` if short, else its first `max` characters, an ellipsis and the full length. */
export function clip(text: string, max: number = CLIP_LENGTH): string {
  const chars = Array.from(text.length > max * 4 ? text.slice(0, max * 4) : text);
  if (chars.length <= max && text.length <= max * 4) return text;
  return `${chars.slice(0, max).join('')}… (${text.length.toLocaleString('en')} characters)`;
}
