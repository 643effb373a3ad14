package numex

import (
	"strings"
	"sync"
)

// stopWords lists words in which a numeral is not a quantity: function
// words (一起 "together", 统一 "unify", 进一步 "further", 万一 "in case",
// 千万 "by all means"), idioms (千方百计, 乱七八糟) and names (四川, 九龙,
// 万州). Both scripts are listed where they differ. Erring on the side of
// skipping: a spurious number hurts matching more than a missed one.
const stopWords = `
一起 一些 一定 一直 统一 統一 一样 一樣 之一 一方面 唯一 万一 萬一 一般 一致
一带一路 一帶一路 一切 一道 一同 一体 一體 一旦 一向 一再 一味 一律 一贯 一貫
一概 一番 一下 一点 一點 一边 一邊 一面 一时 一時 一齐 一齊 一流 一线 一線 一手
一揽子 一攬子 进一步 進一步 一系列 一行 一度 一举 一舉 一口气 一口氣 其一 一如
一视同仁 一視同仁 一心 一意 同一 逐一 一并 一併 一共 一经 一經 一带 一帶 一路
一员 一員 一则 一則 一阵 一陣 一旁 一应 一應 一五一十 一清二楚 独一无二 獨一無二
一模一样 一模一樣 一目了然 一丝不苟 一絲不苟 一席之地 一臂之力 一生 一辈子 一輩子
一会儿 一會兒 一下子 一瞬 千篇一律 万众一心 萬眾一心 一如既往 统一战线 統一戰線
二手 不二 二奶奶 二爷 二爺 二门 二門
两岸 兩岸 两者 兩者 两方面 兩方面 一而再 再而三 两手 兩手 两难 兩難 两样 兩樣 两极 兩極 两全其美 兩全其美
三三两两 三三兩兩 再三 三番五次 三心二意 三思 三五成群 三言两语 三言兩語
三角 三长两短 三長兩短 三峡 三峽 三亚 三亞 三门峡 三門峽 三明 三沙 三星 三菱
四处 四處 四周 四面 四下 四面八方 四川 四海 四分五裂
五花八门 五花八門 五颜六色 五顏六色 五湖四海 五指山 五台山
六盘水 六盤水 六神无主 六神無主
七嘴八舌 乱七八糟 亂七八糟 七上八下 七台河 七零八落
八卦 八达岭 八達嶺 九广 九廣
九龙 九龍 九江 九寨沟 九寨溝 九州 九华山 九華山 九霄
十分 十足 十字 十全十美 十堰
百姓 老百姓 百货 百貨 百科 百花 百般 百分点 百分點 百家 百折不挠 百折不撓
百感交集 百闻不如一见 百聞不如一見
千万 千萬 千方百计 千方百計 千家万户 千家萬戶 千里 千秋 千古 千禧 成千上万
成千上萬 千千万万 千千萬萬 千军万马 千軍萬馬
万岁 萬歲 万物 萬物 万事 萬事 万众 萬眾 万象 萬象 万分 萬分 万能 萬能 万无一失
萬無一失 万古 萬古 万里 萬里 万万 萬萬 万千 萬千 万水千山 萬水千山 万紫千红
萬紫千紅 万州 萬州 万盛 萬盛 万宁 萬寧 万达 萬達 万家 萬家
亿万 億萬 万年 萬年
二连浩特 二連浩特
`

type stopEntry struct {
	word string
	off  int // byte offset of the word's first numeral
}

// stopIndex maps the first numeral of each stop word to its entries.
var stopIndex = sync.OnceValue(func() map[rune][]stopEntry {
	idx := make(map[rune][]stopEntry)
	for _, w := range strings.Fields(stopWords) {
		for off, r := range w {
			if cls, _ := zhNumeral(r); cls != zNone {
				idx[r] = append(idx[r], stopEntry{word: w, off: off})
				break
			}
		}
	}
	return idx
})

// stopAt reports whether the numeral r at s[i] lies in a stop word, and
// returns the end of that word.
func stopAt(s string, i int, r rune) (int, bool) {
	for _, e := range stopIndex()[r] {
		p := i - e.off
		if p < 0 || !strings.HasPrefix(s[p:], e.word) {
			continue
		}
		end := p + len(e.word)
		if e.word == "十分" && (strings.HasPrefix(s[end:], "之") || strings.HasPrefix(s[end:], "钟") || strings.HasPrefix(s[end:], "鐘")) {
			continue // 十分之一, 十分钟
		}
		return end, true
	}
	return 0, false
}
