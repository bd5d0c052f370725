// Plausible synthetic people and places of Jieyang for demonstration data and the benchmark. Deterministic for a
// seed, so screenshots and figures are repeatable. Nothing here is a real person.
import { makeIdNumber } from '../domain/ledger/id-number';

export function seededRandom(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    // xorshift32
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

export const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

const SURNAMES = '陈林黄李郑吴张蔡刘杨许王谢洪方詹曾彭赖罗周庄余郭苏翁马魏钟朱江邱孙姚柯杜卢温'.split('');
const GIVEN = '子俊嘉欣佳怡浩然宇轩梓涵雨桐锦鸿少华晓婷泽楠思琪伟杰志强丽娜家豪文静诗琪铭哲晓东楚璇映雪秋燕美玲'.split('');

export function chineseName(r: () => number): string {
  const given = r() < 0.25 ? pick(r, GIVEN) : pick(r, GIVEN) + pick(r, GIVEN);
  return pick(r, SURNAMES) + given;
}

/** County-level divisions of Jieyang (GB/T 2260) and some of their townships. */
export const COUNTIES: { code: string; name: string; townships: string[] }[] = [
  { code: '445202', name: '榕城区', townships: ['榕华街道', '东兴街道', '东升街道', '梅云街道', '仙桥街道', '磐东街道'] },
  { code: '445203', name: '揭东区', townships: ['曲溪街道', '锡场镇', '新亨镇', '玉湖镇', '埔田镇', '霖磐镇', '月城镇', '白塔镇'] },
  { code: '445222', name: '揭西县', townships: ['河婆街道', '龙潭镇', '南山镇', '五经富镇', '灰寨镇', '棉湖镇', '金和镇', '上砂镇', '良田乡'] },
  { code: '445224', name: '惠来县', townships: ['惠城镇', '华湖镇', '靖海镇', '周田镇', '神泉镇', '东陇镇', '隆江镇', '葵潭镇'] },
  { code: '445281', name: '普宁市', townships: ['流沙东街道', '池尾街道', '占陇镇', '军埠镇', '洪阳镇', '南径镇', '里湖镇', '梅林镇', '大坪镇'] },
];

const VILLAGE_SUFFIX = ['村', '村', '村', '社区'];
const VILLAGE_HEAD = '东西南北新上下大小前后';
const VILLAGE_MID = '山湖溪坑围寨塘洋埔厝田岭';

export function villageName(r: () => number): string {
  return pick(r, VILLAGE_HEAD.split('')) + pick(r, VILLAGE_MID.split('')) + pick(r, VILLAGE_SUFFIX);
}

export const WORK_PLACES = ['广东省深圳市', '广东省广州市', '广东省东莞市', '广东省佛山市', '浙江省杭州市', '上海市', '福建省厦门市', '江苏省苏州市'];

export function mobile(r: () => number): string {
  const prefix = pick(r, ['135', '136', '137', '138', '139', '150', '158', '159', '188', '189', '133', '180']);
  return prefix + String(Math.floor(r() * 1e8)).padStart(8, '0');
}

export function isoDate(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A birth date between `fromYear` and `toYear`, and a valid ID number for it in the county. */
export function birthAndId(r: () => number, countyCode: string, fromYear: number, toYear: number) {
  const y = fromYear + Math.floor(r() * (toYear - fromYear + 1));
  const birthDate = isoDate(y, 1 + Math.floor(r() * 12), 1 + Math.floor(r() * 28));
  const seq = Math.floor(r() * 1000);
  return { birthDate, idNumber: makeIdNumber(countyCode, birthDate, seq), sex: seq % 2 === 1 ? '男' : '女' };
}
