// Names of the 21 economies that reports use beyond what graph/ lists (see /work/shared/reference/ingestion.md):
// APEC's own names, common English variants and Taiwanese usage. Keyed by ISO 3166 alpha-3 = the Economy id.
export const ECONOMY_VARIANTS: Record<string, string[]> = {
  AUS: ['Australia', '澳洲', '澳大利亞'],
  BRN: ['Brunei Darussalam', 'Brunei', '汶萊', '汶莱'],
  CAN: ['Canada', '加拿大'],
  CHL: ['Chile', '智利'],
  CHN: ["People's Republic of China", 'China', 'PRC', '中國', '中國大陸', '中華人民共和國', '陸方', '中方'],
  HKG: ['Hong Kong, China', 'Hong Kong China', 'Hong Kong', '香港', '中國香港', '港方'],
  IDN: ['Indonesia', '印尼', '印度尼西亞'],
  JPN: ['Japan', '日本', '日方'],
  KOR: ['Republic of Korea', 'South Korea', 'Korea', '韓國', '南韓', '大韓民國', '韓方'],
  MYS: ['Malaysia', '馬來西亞', '馬方'],
  MEX: ['Mexico', '墨西哥'],
  NZL: ['New Zealand', '紐西蘭', '新西蘭', '紐方'],
  PNG: ['Papua New Guinea', 'PNG', '巴布亞紐幾內亞', '巴紐'],
  PER: ['Peru', '秘魯', '祕魯'],
  PHL: ['The Philippines', 'Philippines', '菲律賓', '菲國', '菲方'],
  RUS: ['The Russian Federation', 'Russian Federation', 'Russia', '俄羅斯', '俄國', '俄方'],
  SGP: ['Singapore', '新加坡', '星方'],
  TWN: ['Chinese Taipei', '中華台北', '中華臺北', '我國', '我方', '臺灣', '台灣', 'Taiwan'],
  THA: ['Thailand', '泰國', '泰方'],
  USA: ['United States of America', 'United States', 'the US', 'USA', '美國', '美方'],
  VNM: ['Viet Nam', 'Vietnam', '越南', '越方'],
};

/** "X方" forms that are also ordinary words inside others (其中方式, 日方面): only taken after a non-ideograph. */
export const GUARDED_FORMS = new Set([
  '中方',
  '日方',
  '韓方',
  '港方',
  '馬方',
  '紐方',
  '菲方',
  '俄方',
  '星方',
  '泰方',
  '越方',
]);
