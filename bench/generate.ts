/**
 * Deterministic scale-corpus generator: N plans derived from the bundled ones, with other
 * province/city names, shifted dates, shuffled sections and duplicated scrape noise, so that the
 * whole pipeline runs on realistic input.
 *
 *   node dist/bench/generate.js OUT_DIR [--plans 500] [--seed 42]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(xs: T[], rand: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

/** Province-level names (with their one-character abbreviations, used in document numbers). */
const PROVINCES: Array<[string, string]> = [
  ['江苏省', '苏'], ['浙江省', '浙'], ['山东省', '鲁'], ['河南省', '豫'], ['湖北省', '鄂'], ['广东省', '粤'], ['四川省', '川'],
  ['陕西省', '陕'], ['山西省', '晋'], ['江西省', '赣'], ['辽宁省', '辽'], ['吉林省', '吉'], ['黑龙江省', '黑'], ['贵州省', '黔'],
  ['云南省', '云'], ['甘肃省', '甘'], ['青海省', '青'], ['海南省', '琼'], ['北京市', '京'], ['天津市', '津'], ['上海市', '沪'],
  ['广西壮族自治区', '桂'], ['内蒙古自治区', '内蒙古'], ['宁夏回族自治区', '宁'], ['新疆维吾尔自治区', '新'], ['西藏自治区', '藏'],
];
/** Prefecture-level cities (a plan "of" a city reads 苏州市政务信息系统整合共享实施方案 …). */
const CITIES = (
  '苏州 无锡 常州 南通 扬州 镇江 泰州 徐州 盐城 淮安 宿迁 连云港 杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水 ' +
  '济南 青岛 淄博 枣庄 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽 郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 ' +
  '濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 广州 ' +
  '深圳 珠海 汕头 佛山 韶关 湛江 肇庆 江门 茂名 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮 成都 自贡 攀枝花 ' +
  '泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳 西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 ' +
  '安康 商洛 太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁 南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 ' +
  '上饶 沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛 长春 四平 辽源 通化 白山 松原 白城 ' +
  '哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化 贵阳 六盘水 遵义 安顺 毕节 铜仁 昆明 曲靖 ' +
  '玉溪 保山 昭通 丽江 普洱 临沧 兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南 西宁 海东 海口 三亚 ' +
  '南宁 柳州 桂林 梧州 北海 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左 呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 银川 石嘴山 ' +
  '吴忠 固原 中卫 乌鲁木齐 克拉玛依 拉萨 合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 ' +
  '宣城 长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德 ' +
  '石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水'
).split(' ');

/** What to rename in each bundled plan: full name, short name, document-number abbreviation. */
const SOURCES: Record<string, { full: string; short: string; abbr: string }> = {
  hebei: { full: '河北省', short: '河北', abbr: '冀' },
  anhui: { full: '安徽省', short: '安徽', abbr: '皖' },
  hunan: { full: '湖南省', short: '湖南', abbr: '湘' },
  chongqing: { full: '重庆市', short: '重庆', abbr: '渝' },
  fujian: { full: '福建省', short: '福建', abbr: '闽' },
};

const CN_DIGITS = '〇一二三四五六七八九';

/** Shift every year (Arabic or Chinese numerals, 2010–2029) by `by`. */
export function shiftYears(text: string, by: number): string {
  return text
    .replace(/(?<!\d)(20[12]\d)(?=\s*(?:年|-\d))/g, (y) => String(Number(y) + by))
    .replace(/二[〇○零][一二][〇一二三四五六七八九](?=年)/g, (y) => {
      const n = Number([...y].map((c) => (c === '○' || c === '零' ? 0 : CN_DIGITS.indexOf(c))).join('')) + by;
      return [...String(n)].map((d) => CN_DIGITS[Number(d)]).join('');
    });
}

const HEADING1 = /^\s*[一二三四五六七八九十]+、/;
const HEADING2 = /^\s*[（(][一二三四五六七八九十]+[）)]/;

/** Shuffle the （一）（二）… blocks inside each 一、二、… section; lines before the first heading stay put. */
export function shuffleSections(lines: string[], rand: () => number): string[] {
  const first = lines.findIndex((l) => HEADING1.test(l));
  if (first < 0) return lines;
  const out = lines.slice(0, first);
  let i = first;
  while (i < lines.length) {
    // one top-level section: its heading line, optional intro, then sub-blocks
    out.push(lines[i++]);
    const blocks: string[][] = [];
    while (i < lines.length && !HEADING1.test(lines[i])) {
      if (HEADING2.test(lines[i]) || blocks.length === 0) blocks.push([]);
      blocks[blocks.length - 1].push(lines[i++]);
    }
    const intro = blocks.length && !HEADING2.test(blocks[0][0]) ? blocks.shift()! : [];
    out.push(...intro, ...shuffle(blocks, rand).flat());
  }
  return out;
}

const JUNK = [
  '首页 > 政务公开 > 政策文件',
  '【字体：大 中 小】 【打印本页】 【关闭窗口】',
  '扫一扫在手机打开当前页',
  '分享到：',
  '相关链接：',
  '来源：本网 浏览次数：',
];

/** Scrape noise: repeated paragraphs, glued lines, page chrome. */
export function addNoise(lines: string[], rand: () => number, k: number): string[] {
  const out = [...lines];
  const dupes = Math.floor(out.length * (0.03 + rand() * 0.07));
  for (let d = 0; d < dupes; d++) {
    const from = Math.floor(rand() * out.length);
    const line = out[from];
    if (!line.trim()) continue;
    const to = Math.min(out.length, from + 1 + Math.floor(rand() * 6));
    // sometimes a repeated fragment rather than the whole paragraph
    const frag = rand() < 0.3 && line.length > 20 ? line.slice(0, Math.floor(line.length * (0.4 + rand() * 0.5))) : line;
    out.splice(to, 0, frag);
  }
  const glues = Math.floor(out.length * rand() * 0.05);
  for (let g = 0; g < glues && out.length > 2; g++) {
    const at = 1 + Math.floor(rand() * (out.length - 2));
    out.splice(at, 2, out[at] + out[at + 1]);
  }
  const head = [JUNK[k % JUNK.length], JUNK[(k + 2) % JUNK.length]];
  const foot = [`${JUNK[(k + 1) % JUNK.length]}${100 + Math.floor(rand() * 9000)}`, JUNK[(k + 3) % JUNK.length]];
  return rand() < 0.5 ? [...head, ...out, ...foot] : [...out, ...foot];
}

export interface GenerateOptions {
  outDir: string;
  plans?: number;
  seed?: number;
  /** Folder with the bundled plans (default: corpus/ of this package). */
  sourceDir?: string;
}

export interface Generated {
  files: string[];
  bytes: number;
}

/** The package's bundled corpus/ (works from bench/ and from dist/bench/). */
export function defaultSourceDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'corpus'))) return join(dir, 'corpus');
    dir = dirname(dir);
  }
  return resolve('corpus');
}

/** Writes `plans` files into outDir (created if needed). Same options → byte-identical files. */
export function generateScaleCorpus(opts: GenerateOptions): Generated {
  const n = opts.plans ?? 500;
  const rand = rng(opts.seed ?? 42);
  const src = opts.sourceDir ?? defaultSourceDir();
  const bases = readdirSync(src)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: f.replace(/\.txt$/, ''), text: readFileSync(join(src, f), 'utf8').replace(/^\uFEFF/, '') }));
  if (!bases.length) throw new Error(`no plans in ${src}`);
  mkdirSync(opts.outDir, { recursive: true });
  const files: string[] = [];
  let bytes = 0;
  for (let k = 0; k < n; k++) {
    const base = bases[k % bases.length];
    const from = SOURCES[base.id];
    // Target name: provinces first, then cities (reused with a 新区 suffix once exhausted).
    let full: string;
    let short: string;
    let abbr: string;
    if (k < PROVINCES.length) {
      [full, abbr] = PROVINCES[k];
      short = full.replace(/(维吾尔自治区|壮族自治区|回族自治区|自治区|省|市)$/u, '');
    } else {
      const c = CITIES[(k - PROVINCES.length) % CITIES.length];
      const round = Math.floor((k - PROVINCES.length) / CITIES.length);
      short = round ? `${c}${'东西南北'[round % 4]}` : c;
      full = `${short}市`;
      abbr = short.slice(0, 1);
    }
    let text = base.text.replace(/\r\n?/g, '\n');
    if (from) {
      text = text.split(from.full).join(full).split(from.short).join(short).replace(new RegExp(`${from.abbr}(?=[政府办发字]+〔)`, 'g'), abbr);
    }
    text = shiftYears(text, 1 + (k % 6));
    let lines = text.split('\n');
    lines = shuffleSections(lines, rand);
    lines = addNoise(lines, rand, k);
    let out = lines.join('\n') + '\n';
    if (k % 10 === 3) out = out.replace(/\n/g, '\r\n');
    const name = `p${String(k).padStart(3, '0')}-${base.id}.txt`;
    const buf = Buffer.from(out, 'utf8');
    writeFileSync(join(opts.outDir, name), buf);
    files.push(name);
    bytes += buf.length;
  }
  return { files, bytes };
}

function isMain(): boolean {
  try {
    return Boolean(process.argv[1]) && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isMain()) {
  const args = process.argv.slice(2);
  const flag = (name: string): number | undefined => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : undefined;
  };
  const out = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
  if (!out) {
    process.stderr.write('usage: node dist/bench/generate.js OUT_DIR [--plans 500] [--seed 42]\n');
    process.exitCode = 2;
  } else {
    const r = generateScaleCorpus({ outDir: out, plans: flag('plans'), seed: flag('seed') });
    process.stdout.write(`${r.files.length} plans, ${(r.bytes / 1e6).toFixed(1)} MB → ${out}\n`);
  }
}
