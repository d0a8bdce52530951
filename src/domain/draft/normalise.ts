/**
 * A notice's text as the extractor reads it: traditional characters → simplified (a table, no
 * library), pinyin glosses some sites insert after characters ("關(guān)") dropped, full-width
 * digits and brackets folded, and lines that a PDF copy broke mid-sentence joined again.
 */
import { foldWidth } from "../text";

/** Traditional characters official notices and common prose use, each above its simplified form. */
const TRADITIONAL = "億優內兩創劃動務勢勵匯彙區協參員啟啓單國圍園團報場實審寫將專對導屬帥帶幫廠廣廳強從復複徹態慶應戰撲掛揮撐擇擔據數時書會東桿條業極構標機檔欄權歷曆歸決況濟為爲無營牽獎獨獲現產異當發髮監確碼礎種稱積簽籌約紙級細組結絡給統經綜維網編縣總織繞聞聯臺檯颱與興萬蓋薦蘇處號術補見規視訂計訊訓設評試詳調請論證識議護豐負財貫責貼資賦質載輻轉辦辯進運過適選邊郵針門開關陽隊階際險雙電項預領頭額類養馬駐騰驗體魯點龍則個傳價儀們這來說後於問題還樣長間頁學車達義爾麼紀錄記認譽讓許語誤談讀講讚贊變費購貨賣買賽貢貸賬剛劑勞勝衛廢庫張彈徑徵惡愛慣憑懷戶擴擬擁損換揚掃敗斷舊暫槍樓橫檢歐歲殘殺氣漢滿測準溝滅災煙熱爭狀環畫療盡盤礦禮稅穩窮競筆節範築簡糧係繫紅終絕綠綱緊線綫練績繼續纜罰習聲職肅脈腦舉藝蘭衝製親覽觀託訪詩話該誠課諸謀謝貝賴趙趕跡躍軍軟較輔輕輸農連週遊違遠遲遷鄉醫釋鋼錢錯鍵鐵閉閱陣陸陰隨雖雜離難靈順頻顏願顯風飛餘館鬥魚鮮麥黃齊齒嚴圖壓壞塊夠奮獻寶寬尋屆層嶺帳幣並併亂亞倉偉側債傷僅兒黨冊凍劉勻華卻厲吳喪喬嘗壇墊壯備夾奪婦媽孫寧島峽師廟彎慮戲擊攝攜敵斂楊榮樂橋歡殼汙溫湯潔濃灣煉燈牆畝畢盜眾衆祕穀純紛紡紗紹縮罷聖聽脫腳臉臨艱莊葉蔣藥蟲裝襲覺觸討謂豬貧賀賓賠贈趨蹤輪轄辭邏鄰銀銷鋪鍋鎮鏈鐘鍾閃閣闡隱雞雲靜響頂須頒頓顧飯飲駕騎驅鬆鳥鳴麗齡佔佈裡裏滬濱閩贛遼貴陝粵晉瓊韓鄭羅鄧蕭盧閻譚賈韋龔陳幹瀋輯禦鹽淨減漲涼聰腸膚膽艙蘆虛螢襯訴診詞詢誌謹譯豎賜賞賢賺贏軌軸輛輩轟遞遙鄒釣鈴鉛銅銳鋁錦鍛鎖鏡鑄鑑鑒閑閒閘闊隸雛霧韌頸頗頰顆颯飼飽餅餵饑騙騷驕驚骯鬍鬧鯉鴨鵝鷹鹹麵黴齋劍勁勸厭噸嚇囑墳壩奧娛嬰岡崗廈彥徠憂懶懸懼戀採揀摻撥撫擋擠擺攔攢敘斬暈曉曠棄棟棧椏榦槳樁樞樹橢櫃櫥欽殯毆氫沒淚淪淺渦溼濕滯滲漁漿潤澀濁濾瀏灑燒燦爐牘犧猶獄獅獸璽甕疊痺瘡癒皺盞矚碩磚礙禍稟穎窯竅竄筧籃籠籤粧糞糾紐紮絞絲綁綢綴緒緝緣緩緯縛縫繩繪繳纖罈羈翹聳脅腫膠膩臟艦蒼蓮蔔蕩薩藍蘊蘿虧蝦蠟蠶裊褲覓訣詐詭誇謊謠譜譴讒豈貞貪販貶貿賄賊賤贓贖踐蹟軀輝轎辮迴逕遺邁醞釀釘鈔鈣鈍鉅鉤銜鋒錘錨鍊鍍鎊鏟鐲鑰鑼閥闖闢陘隕隴雋霽靂韻頌頑顛顫飄餃餓餡饒駁駛駱駿騾驢驥髒鬚鱗鳳鴻鵬鶴龐龜搆儘傢佇倆倖僑儲嘆嘯噴嚐囂壺夢奐妝嫻孿寢寵尷屜巖巰幟廂廚廬彌徬悅惱惲愨慚慟慪慫憐憤憫懇懲懺戇戧捨挾捫掄掙揹搖搗搶摟摯撈撓撚擄擾攏攪斕昇晝暢曄朧杴棲楨榪榿槧槨樺檻櫓櫚歎毀氈汎滷漸澗澤瀉瀝瀾灤烏煩煬爺牴犢狹猙獰玀璣瓏甌癢皚睞矯硤磯祿禱稈稜穌窪竊筴篩簍簞籬糝紉紋紳絆絨綏綽緬縱繃繡纏罌羆翺聶脹腎膃臍艷蒞蓽蕁薈藹蘚虜蛻螞蠅衊褻覥觴訌訛詛詠誣誦誼諒諧諮諷謁謄譏讎貲賁賂賃賑賒贍趲蹌躉軋軒軼輓輟輿轍迺遜醃鈞鉀銹鋤錶鎢鏽鐺钁閨闈隉霑靚韃頜頹顎颳餞饞馮駭騁驍髏鬢魘鯊鴉鵑鸚鹼麩黽鼴齜";
const SIMPLIFIED = "亿优内两创划动务势励汇汇区协参员启启单国围园团报场实审写将专对导属帅带帮厂广厅强从复复彻态庆应战扑挂挥撑择担据数时书会东杆条业极构标机档栏权历历归决况济为为无营牵奖独获现产异当发发监确码础种称积签筹约纸级细组结络给统经综维网编县总织绕闻联台台台与兴万盖荐苏处号术补见规视订计讯训设评试详调请论证识议护丰负财贯责贴资赋质载辐转办辩进运过适选边邮针门开关阳队阶际险双电项预领头额类养马驻腾验体鲁点龙则个传价仪们这来说后于问题还样长间页学车达义尔么纪录记认誉让许语误谈读讲赞赞变费购货卖买赛贡贷账刚剂劳胜卫废库张弹径征恶爱惯凭怀户扩拟拥损换扬扫败断旧暂枪楼横检欧岁残杀气汉满测准沟灭灾烟热争状环画疗尽盘矿礼税稳穷竞笔节范筑简粮系系红终绝绿纲紧线线练绩继续缆罚习声职肃脉脑举艺兰冲制亲览观托访诗话该诚课诸谋谢贝赖赵赶迹跃军软较辅轻输农连周游违远迟迁乡医释钢钱错键铁闭阅阵陆阴随虽杂离难灵顺频颜愿显风飞余馆斗鱼鲜麦黄齐齿严图压坏块够奋献宝宽寻届层岭帐币并并乱亚仓伟侧债伤仅儿党册冻刘匀华却厉吴丧乔尝坛垫壮备夹夺妇妈孙宁岛峡师庙弯虑戏击摄携敌敛杨荣乐桥欢壳污温汤洁浓湾炼灯墙亩毕盗众众秘谷纯纷纺纱绍缩罢圣听脱脚脸临艰庄叶蒋药虫装袭觉触讨谓猪贫贺宾赔赠趋踪轮辖辞逻邻银销铺锅镇链钟钟闪阁阐隐鸡云静响顶须颁顿顾饭饮驾骑驱松鸟鸣丽龄占布里里沪滨闽赣辽贵陕粤晋琼韩郑罗邓萧卢阎谭贾韦龚陈干沈辑御盐净减涨凉聪肠肤胆舱芦虚萤衬诉诊词询志谨译竖赐赏贤赚赢轨轴辆辈轰递遥邹钓铃铅铜锐铝锦锻锁镜铸鉴鉴闲闲闸阔隶雏雾韧颈颇颊颗飒饲饱饼喂饥骗骚骄惊肮胡闹鲤鸭鹅鹰咸面霉斋剑劲劝厌吨吓嘱坟坝奥娱婴冈岗厦彦徕忧懒悬惧恋采拣掺拨抚挡挤摆拦攒叙斩晕晓旷弃栋栈桠干桨桩枢树椭柜橱钦殡殴氢没泪沦浅涡湿湿滞渗渔浆润涩浊滤浏洒烧灿炉牍牺犹狱狮兽玺瓮叠痹疮愈皱盏瞩硕砖碍祸禀颖窑窍窜笕篮笼签妆粪纠纽扎绞丝绑绸缀绪缉缘缓纬缚缝绳绘缴纤坛羁翘耸胁肿胶腻脏舰苍莲卜荡萨蓝蕴萝亏虾蜡蚕袅裤觅诀诈诡夸谎谣谱谴谗岂贞贪贩贬贸贿贼贱赃赎践迹躯辉轿辫回迳遗迈酝酿钉钞钙钝巨钩衔锋锤锚炼镀镑铲镯钥锣阀闯辟陉陨陇隽霁雳韵颂顽颠颤飘饺饿馅饶驳驶骆骏骡驴骥脏须鳞凤鸿鹏鹤庞龟构尽家伫俩幸侨储叹啸喷尝嚣壶梦奂妆娴孪寝宠尴屉岩巯帜厢厨庐弥彷悦恼恽悫惭恸怄怂怜愤悯恳惩忏戆戗舍挟扪抡挣背摇捣抢搂挚捞挠捻掳扰拢搅斓升昼畅晔胧锨栖桢杩桤椠椁桦槛橹榈叹毁毡泛卤渐涧泽泻沥澜滦乌烦炀爷抵犊狭狰狞猡玑珑瓯痒皑睐矫硖矶禄祷秆棱稣洼窃策筛篓箪篱糁纫纹绅绊绒绥绰缅纵绷绣缠罂罴翱聂胀肾腽脐艳莅荜荨荟蔼藓虏蜕蚂蝇蔑亵觍觞讧讹诅咏诬诵谊谅谐咨讽谒誊讥雠赀贲赂赁赈赊赡趱跄趸轧轩轶挽辍舆辙乃逊腌钧钾锈锄表钨锈铛镢闺闱陧沾靓鞑颌颓颚刮饯馋冯骇骋骁髅鬓魇鲨鸦鹃鹦碱麸黾鼹龇";

const TO_SIMPLIFIED: ReadonlyMap<string, string> = (() => {
  const out = new Map<string, string>();
  const t = [...TRADITIONAL];
  const s = [...SIMPLIFIED];
  for (let i = 0; i < t.length; i++) out.set(t[i]!, s[i]!);
  return out;
})();

/** Traditional → simplified, character by character (the table above; other characters kept). */
export function toSimplified(text: string): string {
  let out = "";
  for (const ch of text) out += TO_SIMPLIFIED.get(ch) ?? ch;
  return out;
}

/** How many characters of the text the table changed: a notice in traditional characters says so in the draft. */
export function traditionalCount(text: string): number {
  let n = 0;
  for (const ch of text) if (TO_SIMPLIFIED.has(ch)) n++;
  return n;
}

/** A pinyin gloss right after a character: "關(guān)", "報(bào)". */
const PINYIN_GLOSS = /(\p{Script=Han})\((?:[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]{1,7})\)/gu;

const CJK = "\p{Script=Han}";
/** A numbering marker at the start of a segment: 一、 （一） 1. 1、 （1）. */
export const MARKER = /^(?:[一二三四五六七八九十]{1,3}[、.．]|\([一二三四五六七八九十]{1,3}\)|\d{1,2}[.．、](?!\d)|\(\d{1,2}\)|[\u2460-\u2473])/u;

/**
 * Characters normalised (simplified, glosses dropped, full-width folded to ASCII brackets, digits
 * and punctuation) and lines joined: a line break ends a paragraph only after 。：；！？, before a
 * numbering marker, or after a short heading line.
 */
export function normaliseNotice(raw: string): string {
  let text = toSimplified(raw.replace(/^\uFEFF/, "")).replace(/\r\n?/g, "\n");
  text = text.replace(PINYIN_GLOSS, "$1");
  text = foldWidth(text).replace(/[（]/g, "(").replace(/[）]/g, ")");
  // Pages that doubled punctuation ("，，", "一,、").
  text = text.replace(/,{2,}/g, "，").replace(/[,，]+、/g, "、").replace(/[,，]+([。；])/g, "$1");
  // Latin commas and colons between Chinese characters are the notice's own (full-width folded).
  text = text.replace(new RegExp(`(?<=[${CJK})\\d])[,]`, "gu"), "，").replace(new RegExp(`(?<=[${CJK})])[:]`, "gu"), "：");
  text = text.replace(new RegExp(`(?<=[${CJK}])[;]`, "gu"), "；");
  // Spaces between Chinese characters and digits are layout ("不少于 1年").
  text = text.replace(new RegExp(`[ \\t\u00A0]+(?=[${CJK}\\d(“”])|(?<=[${CJK}\\d)“”：，。；、])[ \\t\u00A0]+`, "gu"), "");
  const lines = text.split("\n").map((l) => l.trim());
  const out: string[] = [];
  let cur = "";
  let prev = "";
  for (const line of lines) {
    if (line === "") continue;
    if (cur !== "" && (endsParagraph(prev) || MARKER.test(line) || /^\d{4}年\d{1,2}月\d{1,2}日$/u.test(line))) {
      out.push(cur);
      cur = line;
    } else cur += line;
    prev = line;
  }
  if (cur !== "") out.push(cur);
  return out.join("\n");
}

function endsParagraph(line: string): boolean {
  if (/[。：；！？:]$/u.test(line)) return true;
  // A title ("…的通知") or a document number ("〔2025〕88号") is a line of its own.
  if (/(?:通知|〕\d{1,4}号)$/u.test(line)) return true;
  // A heading ("一、总体要求") or a line too short to be cut prose (a title, an addressee, a date).
  if (MARKER.test(line) && line.length <= 20 && !/[，、]/u.test(line)) return true;
  // A line a page layout broke is long; a short one ends its paragraph (a title, an addressee, a contact, a date).
  return line.length < 20;
}
