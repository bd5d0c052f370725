import { fullPinyin, matchesSearch, pinyinInitials } from '../../../electron/domain/ledger/pinyin';

describe('pinyinInitials', () => {
  it('gives the initials of a name', () => {
    expect(pinyinInitials('张小明')).toBe('zxm');
    expect(pinyinInitials(' 李 华 ')).toBe('lh');
  });

  it.each([
    ['曾小明', 'zxm'],
    ['单田芳', 'stf'],
    ['解晓东', 'xxd'],
    ['仇志', 'qz'],
    ['区志强', 'ozq'],
    ['查良镛', 'zly'],
    ['朴正义', 'pzy'],
    ['乐嘉', 'yj'],
  ])('reads the polyphonic surname of %s as a surname → %s', (name, initials) => {
    expect(pinyinInitials(name)).toBe(initials);
  });

  it('reads a polyphonic character as a surname only at the start', () => {
    // 乐 is yue as a surname but le inside a given name.
    expect(fullPinyin('张乐')).toBe('zhangle');
    expect(fullPinyin('乐乐')).toBe('yuele');
  });

  it('keeps non-Chinese letters and digits lower-cased, drops separators', () => {
    expect(pinyinInitials('Tom张')).toBe('tomz');
    expect(pinyinInitials('阿卜杜·热合曼')).toBe('abdrhm');
    expect(pinyinInitials('ＡＢ王')).toBe('abw');
  });
});

describe('fullPinyin', () => {
  it('gives toneless pinyin with ü as v', () => {
    expect(fullPinyin('张小明')).toBe('zhangxiaoming');
    expect(fullPinyin('吕布')).toBe('lvbu');
    expect(fullPinyin('曾小明')).toBe('zengxiaoming');
  });
});

describe('matchesSearch', () => {
  const child = { name: '张小明', idNumber: '445202201508081237' };

  it('matches a substring of the name', () => {
    expect(matchesSearch('小明', child)).toBe(true);
    expect(matchesSearch('张', child)).toBe(true);
    expect(matchesSearch('李', child)).toBe(false);
  });

  it('matches pinyin initials as a prefix or substring, in any case and width', () => {
    expect(matchesSearch('zxm', child)).toBe(true);
    expect(matchesSearch('zx', child)).toBe(true);
    expect(matchesSearch('xm', child)).toBe(true);
    expect(matchesSearch('ZXM', child)).toBe(true);
    expect(matchesSearch('ｚｘｍ', child)).toBe(true);
    expect(matchesSearch('zm', child)).toBe(false);
  });

  it('matches full pinyin from the start of a syllable', () => {
    expect(matchesSearch('zhangxiao', child)).toBe(true);
    expect(matchesSearch('xiaoming', child)).toBe(true);
    expect(matchesSearch('zhang xiao ming', child)).toBe(true);
    expect(matchesSearch('iaom', child)).toBe(false);
  });

  it('uses the surname reading of a polyphonic surname', () => {
    expect(matchesSearch('zxm', { name: '曾小明' })).toBe(true);
    expect(matchesSearch('zeng', { name: '曾小明' })).toBe(true);
    expect(matchesSearch('ceng', { name: '曾小明' })).toBe(false);
  });

  it('matches the tail of the ID number from 4 characters on', () => {
    expect(matchesSearch('1237', child)).toBe(true);
    expect(matchesSearch('081237', child)).toBe(true);
    expect(matchesSearch('237', child)).toBe(false);
    expect(matchesSearch('2015', child)).toBe(false);
    expect(matchesSearch('002x', { name: '王芳', idNumber: '11010519491231002X' })).toBe(true);
    expect(matchesSearch('１２３７', child)).toBe(true);
  });

  it('copes with a missing ID number and matches everything on an empty query', () => {
    expect(matchesSearch('1237', { name: '张小明' })).toBe(false);
    expect(matchesSearch('1237', { name: '张小明', idNumber: null })).toBe(false);
    expect(matchesSearch('  ', child)).toBe(true);
  });
});

describe('search by the family', () => {
  it('matches another name on the record by name, initials and pinyin, never across two names', () => {
    const record = { name: '陈小燕', otherNames: ['黄美玲', '欧阳春花'] };
    expect(matchesSearch('美玲', record)).toBe(true);
    expect(matchesSearch('hml', record)).toBe(true);
    expect(matchesSearch('chunhua', record)).toBe(true);
    expect(matchesSearch('yh', record)).toBe(false);
    expect(matchesSearch('燕黄', record)).toBe(false);
  });
});
