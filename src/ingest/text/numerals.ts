// Chinese numerals as reports use them in headings and ordinals (一 … 九十九, 壹 … 拾).

const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  壹: 1,
  貳: 2,
  參: 3,
  肆: 4,
  伍: 5,
  陸: 6,
  柒: 7,
  捌: 8,
  玖: 9,
};

export function chineseNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch === '十' || ch === '拾') {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch === '百' || ch === '佰') {
      total += (current || 1) * 100;
      current = 0;
    } else {
      const d = DIGITS[ch];
      if (d === undefined) return undefined;
      current = d;
    }
  }
  return total + current;
}
