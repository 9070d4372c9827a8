/**
 * The provincial-level divisions (省, 自治区, 直辖市, 特别行政区): what a plan's province is. A plan of a city, county
 * or township is placed in its province by the text: the province named right before its place (安徽省芜湖市) —
 * else, for a prefecture-level city, the province it is one of; else the province the text names most
 * (《安徽省优化营商环境条例》 in a county's plan).
 */
const PROVINCES: readonly string[] = [
  '北京市', '天津市', '上海市', '重庆市',
  '河北省', '山西省', '辽宁省', '吉林省', '黑龙江省', '江苏省', '浙江省', '安徽省', '福建省', '江西省', '山东省', '河南省',
  '湖北省', '湖南省', '广东省', '海南省', '四川省', '贵州省', '云南省', '陕西省', '甘肃省', '青海省', '台湾省',
  '内蒙古自治区', '广西壮族自治区', '西藏自治区', '宁夏回族自治区', '新疆维吾尔自治区',
  '香港特别行政区', '澳门特别行政区',
];

/** The short name of each (安徽, 内蒙古, 广西, 新疆): what users type and documents abbreviate. */
function shortProvince(p: string): string {
  return p.replace(/(?:维吾尔|壮族|回族)?自治区$|特别行政区$|省$|市$/, '');
}

const BY_NAME = new Map<string, string>();
for (const p of PROVINCES) {
  BY_NAME.set(p, p);
  BY_NAME.set(shortProvince(p), p);
}

/** The provincial-level division a name is (安徽省, 安徽, 广西 → its full name; any X省 or X自治区 as written), or null
 * (芜湖市, 兰考县). */
export function provinceNamed(name: string | null | undefined): string | null {
  if (!name) return null;
  return BY_NAME.get(name) ?? (/^[\u4e00-\u9fff]{2,10}(?:省|自治区|特别行政区)$/.test(name) ? name : null);
}

/**
 * The prefecture-level divisions (地级市, 自治州, 地区, 盟) of each province, by short name: a city's plan that never
 * names its province is placed by them.
 */
const PREFECTURES: Readonly<Record<string, string>> = {
  河北省: '石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水',
  山西省: '太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁',
  内蒙古自治区: '呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布 兴安 锡林郭勒 阿拉善',
  辽宁省: '沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛',
  吉林省: '长春 吉林 四平 辽源 通化 白山 松原 白城 延边',
  黑龙江省: '哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化 大兴安岭',
  江苏省: '南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁',
  浙江省: '杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水',
  安徽省: '合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城',
  福建省: '福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德',
  江西省: '南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶',
  山东省: '济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽',
  河南省: '郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 济源',
  湖北省: '武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 恩施 仙桃 潜江 天门 神农架',
  湖南省: '长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 湘西',
  广东省: '广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮',
  广西壮族自治区: '南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左',
  海南省: '海口 三亚 三沙 儋州',
  四川省: '成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳 阿坝 甘孜 凉山',
  贵州省: '贵阳 六盘水 遵义 安顺 毕节 铜仁 黔西南 黔东南 黔南',
  云南省: '昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧 楚雄 红河 文山 西双版纳 大理 德宏 怒江 迪庆',
  西藏自治区: '拉萨 日喀则 昌都 林芝 山南 那曲 阿里',
  陕西省: '西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛',
  甘肃省: '兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南 临夏 甘南',
  青海省: '西宁 海东 海北 黄南 果洛 玉树 海西',
  宁夏回族自治区: '银川 石嘴山 吴忠 固原 中卫',
  新疆维吾尔自治区: '乌鲁木齐 克拉玛依 吐鲁番 哈密 昌吉 博尔塔拉 巴音郭楞 阿克苏 克孜勒苏 喀什 和田 伊犁 塔城 阿勒泰 石河子',
};
const PREFECTURE = new Map<string, string>();
for (const [p, names] of Object.entries(PREFECTURES)) for (const n of names.split(' ')) PREFECTURE.set(n, p);

/** The province of a prefecture-level place (芜湖市, 湘西自治州, 延边朝鲜族自治州, 阿克苏地区, 兴安盟), or null. */
export function provinceOfPrefecture(place: string): string | null {
  for (let k = Math.min(5, place.length - 1); k >= 2; k--) {
    const p = PREFECTURE.get(place.slice(0, k));
    // (or a zone of the city: 襄阳高新区, 赣州经开区)
    if (p && /^(?:[\u4e00-\u9fff]*族)?(?:市|地区|盟|自治州|州)$|^(?:高新|经开|经济技术开发|高新技术产业开发|开发|新|综合保税)区$/.test(place.slice(k))) return p;
  }
  return null;
}

const NAMES = [...BY_NAME.keys()].sort((a, b) => b.length - a.length).join('|');
const MENTION = new RegExp(`(?<![全本我该外各分兄])(${[...PROVINCES].sort((a, b) => b.length - a.length).join('|')})`, 'g');

/**
 * The province of a plan whose place (芜湖市, 兰考县, 尼山镇) is below a province, read from its text: the province
 * written right before the place (or before the place's city: 河南省开封市兰考县), else the one named most (ties: the
 * first named) — a prefecture-level city placed by the table of them first; null when the text names none.
 */
export function provinceFromText(place: string, text: string): string | null {
  const own = provinceNamed(place);
  if (own) return own;
  const stem = place.replace(/(?:市|县|区|州|盟|旗|乡|镇|街道)$/, '');
  const before = new RegExp(`(${NAMES})(?:[\\u4e00-\\u9fff]{2,6}?[市州盟])?${stem}`).exec(text);
  if (before) return provinceNamed(before[1]);
  const prefecture = provinceOfPrefecture(place);
  if (prefecture) return prefecture;
  // a county or district written after its city (开封市兰考县, 盐城市亭湖区)
  if (stem.length >= 2)
    for (const m of text.matchAll(new RegExp(`(?<=[\\u4e00-\\u9fff]{2})(?:市|州|地区|盟)${stem}`, 'g')))
      for (let k = 2; k <= 4 && k <= m.index!; k++) {
        const p = provinceOfPrefecture(text.slice(m.index! - k, m.index! + m[0].length - stem.length));
        if (p) return p;
      }
  const counts = new Map<string, number>();
  for (const m of text.matchAll(MENTION)) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  let best: string | null = null;
  for (const [p, n] of counts) if (!best || n > counts.get(best)!) best = p;
  return best;
}
