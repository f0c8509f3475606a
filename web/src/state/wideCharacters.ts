// Characters drawn about twice as wide as a Latin letter (East Asian wide and full-width forms, emoji):
// the heatmaps give them wider columns, and the starting texts fewer of them.
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|\p{Extended_Pictographic}/u;

export function isWide(char: string): boolean {
  return WIDE.test(char);
}

// More than half of the non-space characters are wide.
export function mostlyWide(text: string): boolean {
  let wide = 0;
  let all = 0;
  for (const c of text) {
    if (/\s/.test(c)) continue;
    all++;
    if (isWide(c)) wide++;
  }
  return all > 0 && wide * 2 > all;
}
