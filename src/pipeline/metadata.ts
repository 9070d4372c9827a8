/**
 * Plan metadata from the document header: place and province, title, document number, issuing
 * office, issue date. A field that is not in the text is null: never invented.
 */
import { parseNumber } from './numerals.js';
import { looksLikeUnit } from './units/clauses.js';
import { provinceFromText } from '../domain/provinces.js';

export interface PlanMeta {
  /** The provincial-level division (domain/provinces.ts). */
  province: string | null;
  /** The issuer's own place: the province, or the city, county or township below it. */
  place: string | null;
  title: string | null;
  docNumber: string | null;
  issuer: string | null;
  issuedOn: string | null;
}

const TITLE_WORDS = '(?:实施方案|工作方案|行动方案|方案|规划|计划|意见|办法|细则|工作要点|要点|任务清单|清单|重点任务|工作任务|任务分工|责任分解|分工|分解|分工表|分解表|任务表|台账|措施|纲要|安排)';

function isoOf(y: string, m: string, d: string): string | null {
  const yy = parseNumber(y);
  const mm = parseNumber(m);
  const dd = parseNumber(d);
  if (yy === null || mm === null || dd === null || mm < 1 || mm > 12 || dd < 1 || dd > 31) return null;
  return `${yy}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

/** Blank out bracketed references （…） and 《…》 so that cited documents are not mistaken for this one. */
function maskRefs(s: string): string {
  return s.replace(/《[^》\n]{0,80}》|（[^）\n]{0,80}）/g, (m) => ' '.repeat(m.length));
}

/** A line that is only organisations, separated by spaces or 、: they, joined by 、 (joint issuers). */
function organisations(line: string): string | null {
  const parts = line.trim().split(/[\s\u3000、，,]+/).filter(Boolean);
  return parts.length && parts.length <= 6 && parts.every((p) => looksLikeUnit(p, true) && !/^各/.test(p)) ? parts.join('、') : null;
}

/** The issuers of a notice, as its title line names them before 关于印发 (东陵省住房和城乡建设厅 东陵省应急管理厅关于印发…). */
function noticeIssuers(head: string): string | null {
  for (const line of head.split('\n').slice(0, 20)) {
    const at = line.indexOf('关于印发');
    if (at > 0) return organisations(line.slice(0, at));
  }
  return null;
}

/** A line holding only a date (the date of a signature block). */
const DATE_LINE = /^\s*(?:\d{4}|[〇零一二三四五六七八九]{4})年[^\n]{1,8}日\s*$/;

/** The issuing bodies on the lines right above line k (a signature block: one body a line, up to four), in order. */
function issuersAbove(lines: string[], k: number): string[] {
  const orgs: string[] = [];
  for (let j = k - 1; j >= 0 && orgs.length < 4; j--) {
    const o = organisations(lines[j]);
    if (!o) break;
    orgs.unshift(o);
  }
  return orgs;
}

/** The issuers of the first signature block among `lines` (its bodies above a date line), or null. */
function signatureBlock(lines: string[]): string | null {
  lines = lines.map((l) => l.trim()).filter(Boolean);
  for (let k = 1; k < lines.length; k++) {
    if (!DATE_LINE.test(lines[k])) continue;
    const orgs = issuersAbove(lines, k);
    if (orgs.length) return orgs.join('、');
  }
  return null;
}

export function extractMetadata(text: string): PlanMeta {
  const head = text.slice(0, 3000);
  const flat = head.replace(/\s+/g, '');
  const masked = maskRefs(head);

  // Title: the document named in "关于印发《?X》?的通知", else a line that is a plan title.
  let title: string | null = null;
  let issuer: string | null = null;
  // (read with its line breaks kept: the issuer is on the notice's own line, not glued to the scrape's line above —
  // 【时效性】尚未施行 / 所在位置: 杭州网 > 热点专题 — while the title may wrap)
  const lined = head.replace(/[ \t\u3000\u00a0]+/g, '');
  const notice = new RegExp(`^(?:[\\s\\S]*?)([\\u4e00-\\u9fff]{2,20}?(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|委员会))?关于印发《?([^《》]{4,60}?${TITLE_WORDS})》?的通知`).exec(lined);
  if (notice) {
    title = notice[2].replace(/\n/g, '');
    issuer = notice[1] ?? null;
  } else {
    // A title line: Chinese, years and quotes, ending in a plan word (2024年工作要点, 三年行动方案（2024—2026年）,
    // 整改任务清单（江州市部分）),
    // not a numbered heading.
    const re = new RegExp(`^[\\u4e00-\\u9fff“”"0-9—－\\-]{4,60}${TITLE_WORDS}(?:（[\\d—\\-－~年]{4,14}）|（[\\u4e00-\\u9fff]{2,10}(?:部分|版|稿)）)?$`);
    const line = head.split('\n').slice(0, 40).map((l) => l.trim().replace(/^《|》$/g, '')).find((l) => re.test(l) && !/^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）|^\d+[．.、]/.test(l));
    title = line ?? null;
  }

  // Province / municipality: the leading place name of the title or issuer.
  // (A name of up to 4 characters before 省/市, longer before 自治区; 全市, 本省, 城市, 都市 are no place; a
  // leading year is skipped: 2023年新余市…)
  const place = /^(?:(?:19|20)\d{2}年(?:度)?)?((?:[\u4e00-\u9fff]{2,8}?自治区|(?![全本各该我][省市])[\u4e00-\u9fff]{1,4}?(?:特别行政区|省|市)))/;
  // (城市 and 都市 are no place, nor 智慧城市 or 文明城市; 运城市, 盐城市 and 成都市 are)
  const placeOf = (s: string | null) => {
    const c = s ? place.exec(s)?.[1] : undefined;
    return c && !/^(?:[\u4e00-\u9fff]{2,})?[城都]市$/.test(c) ? c : null;
  };
  // …else a county-level one (松原县, 白河区, 恩施州, 阿拉善盟) or a township (石桥镇, 东山街道); not a word that
  // merely ends so (社区, 园区, 全区, 城镇).
  const county = /^(?:(?:19|20)\d{2}年(?:度)?)?((?!全|本)[\u4e00-\u9fff]{2,8}?(?:县|区|州|盟|旗|乡|镇|街道))/;
  const countyOf = (s: string | null) => {
    const c = s ? county.exec(s)?.[1] : undefined;
    // (nor the words of a title: 关于推进全省乡村… is no 乡)
    return c && !/(?:社区|园区|景区|片区|辖区|城区|小区|校区|库区|矿区|林区|牧区|山区|灾区|地区|城镇|乡镇|村镇|集镇|城乡)$|^自治区$/.test(c) && !/^关于|全[省市县区]/.test(c) ? c : null;
  };
  const titlePlace = placeOf(title) || placeOf(issuer) || countyOf(title) || countyOf(issuer) || null;
  // The issuing office starts with the place name: prefer that reading over a glued notice prefix.
  if (titlePlace) {
    const office = new RegExp(`${titlePlace}(?:人民政府办公厅|人民政府办公室|人民政府|政府办公厅|政府办公室)`).exec(flat);
    // (an issuer the notice names that already opens with the place stays: 芜湖市人民政府办公室, not the site's 芜湖市人民政府)
    if (office && !(issuer && (issuer.split('、').includes(office[0]) || issuer.startsWith(titlePlace)))) issuer = office[0];
  }

  // Document number: 皖政办〔2017〕69号, not inside a citation bracket.
  // (Spaces inside it are dropped, line breaks kept: the prefix never reaches into the line above.)
  const lines = maskRefs(head.replace(/[ \t\u3000\u00a0]+/g, '')).slice(0, 1500);
  const dn = /([\u4e00-\u9fff]{1,8}[〔\[［(（]\d{4}[〕\]］)）]\d{1,4}号)/.exec(lines);
  // The prefix is the issuer's short code (皖政办, 渝府办发): cut what the scrape glued before it — a field
  // name, or the end of the title (…实施方案鄂政办发〔2025〕12号).
  let docNumber: string | null = null;
  if (dn) {
    const cut = dn[1].search(/[〔\[［(（]/);
    const prefix = dn[1].slice(0, cut).replace(new RegExp(`^.*(?:通知|文号|号|日期|公开|${TITLE_WORDS})`), '');
    docNumber = prefix ? prefix + dn[1].slice(cut).replace(/[\[［(（]/, '〔').replace(/[\]］)）]/, '〕') : null;
  }

  // Issue date: a signature/签署 field, else a standalone date line in the header, else a publication date.
  let issuedOn: string | null = null;
  const field = /(?:签署日期|成文日期|印发日期)[:：]?\s*(\d{4})[-年/.](\d{1,2})[-月/.](\d{1,2})/.exec(head);
  if (field) issuedOn = isoOf(field[1], field[2], field[3]);
  // A header line naming the issuer and the date together (（某街道办事处  2026年1月15日）under a ledger's title; the
  // space between them may be gone)
  let signedBy: string | null = null;
  if (!issuedOn) {
    for (const l of head.split('\n').slice(0, 12)) {
      const m = /^[ \t\u3000]*[（(]?([^（）()\d\n]{4,60}?)[ \t\u3000]*(\d{4}|[〇零一二三四五六七八九]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日[）)]?[ \t\u3000]*$/.exec(l);
      const orgs = m ? organisations(m[1]) : null;
      if (m && orgs) {
        issuedOn = isoOf(m[2], m[3], m[4]);
        signedBy = orgs;
        break;
      }
    }
  }
  if (!issuedOn) {
    // A date line of the header (the date under the issuer, or in brackets under the title) first…
    const line = /(?:^|\n)[ \t\u3000]*[（(]?(\d{4}|[〇零一二三四五六七八九]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日(?:印发|发布)?[）)]?[ \t\u3000]*(?=\n|$)/.exec(head);
    if (line) issuedOn = isoOf(line[1], line[2], line[3]);
  }
  if (!issuedOn) {
    // …else a date of the header, not one inside a sentence of the plan: a limit or the bound of a period
    // (有效期至2027年12月31日, 2025年5月1日至9月30日, …日起施行) is no issue date.
    const dates = [...masked.matchAll(/(?<!(?:至|到|截至|截止|于|在|从|自|起|止|前|后)\s*)(\d{4}|[〇零一二三四五六七八九]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日(?![前之以起止至到后内]|\s*[—\-－~～]\s*(?:\d{1,4}年|\d{1,2}[月日号]|[一二三四五六七八九十]{1,3}[月日]))/g)];
    for (const d of dates) {
      issuedOn = isoOf(d[1], d[2], d[3]);
      if (issuedOn) break;
    }
  }
  if (!issuedOn) {
    // A plan without a notice header is signed at its end: a line holding only a date.
    const sig = /(?:^|\n)\s*(\d{4}|[〇零一二三四五六七八九]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日\s*$/.exec(text.slice(-400).trimEnd());
    if (sig) issuedOn = isoOf(sig[1], sig[2], sig[3]);
  }
  if (!issuedOn) {
    const pub = /(?:发文日期|发布日期|发布时间)[:：]?\s*(\d{4})[-年/.](\d{1,2})[-月/.](\d{1,2})/.exec(head);
    if (pub) issuedOn = isoOf(pub[1], pub[2], pub[3]);
  }
  if (!issuer && notice) issuer = noticeIssuers(head);
  if (!issuer) issuer = signedBy;
  if (!issuer) {
    const iss = /^\s*([\u4e00-\u9fff]{2,12}(?:人民政府办公厅|人民政府办公室|人民政府))\s*$/m.exec(head);
    issuer = iss ? iss[1] : null;
  }
  // a signature block under the title
  if (!issuer) issuer = signatureBlock(head.split('\n').slice(0, 30));
  // a field of the header (a ledger's 填报单位：…, a government site's 发布机构：…)
  if (!issuer) {
    const f = /(?:填报单位|编制单位|发文单位|发文机关|发布机构|发布单位)[:：]\s*([^\s,，;；\t]{2,30})/.exec(head);
    if (f && looksLikeUnit(f[1], true)) issuer = f[1];
  }
  if (!issuer && title) {
    // …or on its own line right under the title (a Markdown header in bold: **某市防汛抗旱指挥部办公室**).
    const t = title;
    const lines = head.split('\n').map((l) => l.trim()).filter(Boolean);
    const at = lines.findIndex((l) => l.replace(/^#+\s*|[《》]/g, '').includes(t));
    if (at >= 0 && at + 1 < lines.length) issuer = organisations(lines[at + 1].replace(/^\*\*|\*\*$/g, ''));
    // …or right above it (北川省林业和草原局 / 关于推进…的实施意见)
    if (!issuer && at > 0) issuer = organisations(lines[at - 1].replace(/^\*\*|\*\*$/g, ''));
  }
  // The notice's signature block under its text names the issuers in full (中共某区委办公室 / 某市某区人民政府办公室
  // above 2024年5月20日): it wins over the one body read from the notice's line when it holds that body.
  if (issuer) {
    const sig = signatureBlock(head.split('\n').slice(0, 60));
    const first = issuer.split('、')[0];
    if (sig && sig !== issuer && sig.split('、').some((x) => x.endsWith(first))) issuer = sig;
  }
  // A plan signed at its end: the bodies above the date closing it — all of them when several sign
  // (中共某市委办公室 / 某市人民政府办公室), else the one when the header named none.
  {
    const tail = text.slice(-400).trimEnd().split('\n').map((l) => l.trim()).filter(Boolean);
    const orgs = tail.length > 1 && DATE_LINE.test(tail[tail.length - 1]) ? issuersAbove(tail, tail.length - 1) : [];
    if (orgs.length > 1 || (orgs.length && !issuer)) issuer = orgs.join('、');
  }
  // …else the office that printed it (the 版记 at its end: 某区管委会办公室　2025年2月18日印发)
  if (!issuer) {
    const printed = /(?:^|\n)\s*([\u4e00-\u9fff（）()]{2,30}?)[\s\u3000,，\t]*(?:\d{4}|[〇零一二三四五六七八九]{4})年[^\n]{1,8}日印发/.exec(text.slice(-400));
    if (printed && looksLikeUnit(printed[1], true)) issuer = printed[1];
  }
  // A notice without 印发 (关于开展…的通知) is its own title.
  if (!title) {
    const lines = head.split('\n').slice(0, 10).map((l) => l.trim());
    const k = lines.findIndex((l) => /^关于.{4,60}的通知$/.test(l));
    if (k >= 0) {
      title = lines[k];
      // …its issuers on the line above it
      const above = lines.slice(0, k).filter(Boolean).pop();
      if (!issuer && above) issuer = organisations(above);
    }
  }
  // Joint issuers whose separating space normalisation dropped: 东陵省住房和城乡建设厅东陵省应急管理厅 → two (each
  // opens with the place the first one names).
  const own = issuer ? /^(?:中共)?([\u4e00-\u9fff]{2,6}?(?:省|市|县|区|州|自治区))/.exec(issuer)?.[1] : undefined;
  if (issuer && own && issuer.indexOf(own, 1) > 0) {
    const parts = issuer.split('、').flatMap((x) => x.split(new RegExp(`(?=(?:中共)?${own})`))).filter(Boolean);
    if (parts.length > 1 && parts.every((p) => looksLikeUnit(p, true))) issuer = parts.join('、');
  }
  // an issuer found only now (a signature block, a notice's own title line) still names the place
  const where = titlePlace ?? (placeOf(issuer) || countyOf(issuer) || null);
  return { province: where ? provinceFromText(where, text) : null, place: where, title, docNumber, issuer, issuedOn };
}
