// Deterministic dense Chinese text: the content of tests/fixtures/ledger-excel/dense-20000.xlsx (written by
// LibreOffice from this generator's CSV) and what the test compares every cell of that file against. Mostly 3-byte
// UTF-8 characters with some 4-byte ones (CJK Extension B, surrogate pairs in JavaScript), so that chunk boundaries
// of any size fall inside characters again and again.

const COMMON =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经' +
  '十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞';
const RARE = ['𠮷', '𡒄', '𤭢', '𨭎', '𪚥', '𫖯', '𬌗', '𠀀', '𡨸', '𣎴'];
const PUNCT = '，。、；（）“”《》：';
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';

export const DENSE_ROWS = 20_000;
export const DENSE_HEADER = ['姓名', '父亲姓名', '母亲姓名', '监护人姓名', '乡镇（街道）', '村（居）', '现居住地', '备注'];

/** A small, well-known PRNG (mulberry32): the same sequence on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every row, header first: DENSE_ROWS + 1 rows of 8 cells. */
export function denseChineseRows(seed = 20261128): string[][] {
  const r = prng(seed);
  const pick = (s: string) => s[Math.floor(r() * s.length)]!;
  const chars = (n: number, rareShare = 0.03) => {
    let out = '';
    for (let i = 0; i < n; i += 1) out += r() < rareShare ? RARE[Math.floor(r() * RARE.length)]! : pick(COMMON);
    return out;
  };
  const name = () => pick(SURNAMES) + chars(1 + Math.floor(r() * 2), 0.05);
  const sentence = (n: number) => {
    let out = '';
    while (out.length < n) out += chars(3 + Math.floor(r() * 8)) + pick(PUNCT);
    return out;
  };
  const rows: string[][] = [DENSE_HEADER];
  for (let i = 0; i < DENSE_ROWS; i += 1) {
    rows.push([
      name(), name(), name(), name(),
      `${chars(2)}镇`, `${chars(2)}村`,
      `${chars(2)}镇${chars(2)}村${chars(2)}巷${1 + Math.floor(r() * 99)}号`,
      sentence(10 + Math.floor(r() * 50)),
    ]);
  }
  return rows;
}
