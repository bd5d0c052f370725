// Font chains for official documents. Offices run Windows with the GB/T faces (仿宋_GB2312, 方正小标宋); Linux boxes
// and CI have only Noto CJK. Each chain names the Windows/macOS faces first and ends with Noto and a generic family.

/** 小标宋 is a single heavy face. An alias lets Noto Serif's Bold stand in for it without asking for bold, so a real
 * 小标宋 (which has no bold) is never smeared by synthetic bolding. local() fetches nothing, so the page's CSP holds. */
export const XIAOBIAOSONG_FACE = `@font-face {
  font-family: "Guanai XiaoBiaoSong";
  src: local("FZXiaoBiaoSong-B05S"), local("FZXBSJW--GB1-0"), local("方正小标宋简体"), local("方正小标宋_GBK"),
    local("FZXiaoBiaoSong-B05"), local("小标宋"), local("Noto Serif CJK SC Bold"), local("NotoSerifCJKsc-Bold"),
    local("Source Han Serif SC Bold"), local("SourceHanSerifSC-Bold"), local("Source Han Serif CN Bold");
}`;

export const FONT_XIAOBIAOSONG = `"Guanai XiaoBiaoSong", "SimSun", "宋体", "Songti SC", serif`;

export const FONT_FANGSONG =
  '"FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "STFangsong", "华文仿宋", ' +
  '"Noto Serif CJK SC", "Noto Serif CJK", "Source Han Serif SC", serif';

export const FONT_HEITI =
  '"SimHei", "黑体", "STHeiti", "Heiti SC", "Noto Sans CJK SC", "Noto Sans CJK", "Source Han Sans SC", sans-serif';

export const FONT_KAITI =
  '"KaiTi_GB2312", "楷体_GB2312", "KaiTi", "楷体", "STKaiti", "华文楷体", "AR PL UKai CN", ' +
  '"Noto Serif CJK SC", "Noto Serif CJK", serif';

export const FONT_SONGTI =
  '"SimSun", "宋体", "NSimSun", "STSong", "Songti SC", "Noto Serif CJK SC", "Noto Serif CJK", serif';
