// Folds the differences people do not mean when they type: case, full-width forms, accents, 臺/台, spacing.

const VARIANTS: Record<string, string> = { 臺: '台', 囯: '國', 国: '國' };
const VARIANT_RE = new RegExp(`[${Object.keys(VARIANTS).join('')}]`, 'g');

export function normalizeForSearch(text: string): string {
  return (
    text
      // NFKC turns full-width Latin letters, digits and spaces into their ASCII forms.
      .normalize('NFKC')
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(VARIANT_RE, (c) => VARIANTS[c] ?? c)
      .replace(/[\s\-_.,·・、，。()（）]+/g, ' ')
      .trim()
  );
}
