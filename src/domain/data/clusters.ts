/**
 * Jiangsu 先进制造业集群 and "531" 产业链 names the product ships as official: the defaults of the clusters and chains settings (docs/rules.md).
 * Only confirmed names are here: the 13 clusters of the 2018 list, and the 10 卓越提升 chains of the
 * "531" 产业链递进培育工程. The three clusters the 十四五 plan added and the other 40 chains are not
 * confirmed by any source we hold: the user adds them through a reference list, and the report
 * never presents them as official.
 */

export interface NamedGroup {
  name: string;
  /**
   * Other spellings of the same name (brackets, 和/及/与, a remark, the alternative name the source gives);
   * never a shortening such as 海工装备 or 汽车零部件 — the user adds those in the settings.
   */
  aliases: readonly string[];
  source: string;
}

export const CLUSTER_SOURCE = "江苏省先进制造业集群（2018年确定的13个集群）";
export const CHAIN_SOURCE = "《江苏省“产业强链”三年行动计划（2021-2023年）》“531”产业链递进培育工程：10条卓越提升产业链";

export const JIANGSU_CLUSTERS: readonly NamedGroup[] = [
  { name: "新型电力（新能源）装备", aliases: ["新型电力(新能源)装备"], source: CLUSTER_SOURCE },
  { name: "工程机械", aliases: [], source: CLUSTER_SOURCE },
  { name: "物联网", aliases: [], source: CLUSTER_SOURCE },
  { name: "前沿新材料", aliases: [], source: CLUSTER_SOURCE },
  { name: "生物医药和新型医疗器械", aliases: ["生物医药及新型医疗器械", "生物医药与新型医疗器械"], source: CLUSTER_SOURCE },
  { name: "纺织服装", aliases: ["高端纺织"], source: CLUSTER_SOURCE },
  { name: "集成电路", aliases: [], source: CLUSTER_SOURCE },
  { name: "海工装备和高技术船舶", aliases: ["海工装备及高技术船舶"], source: CLUSTER_SOURCE },
  { name: "高端装备", aliases: [], source: CLUSTER_SOURCE },
  { name: "节能环保", aliases: [], source: CLUSTER_SOURCE },
  { name: "核心信息技术", aliases: ["软件和信息服务", "软件与信息服务"], source: CLUSTER_SOURCE },
  { name: "汽车及零部件", aliases: ["汽车及零部件（含新能源汽车）", "汽车和零部件"], source: CLUSTER_SOURCE },
  { name: "新型显示", aliases: [], source: CLUSTER_SOURCE },
];

export const JIANGSU_531_CHAINS: readonly NamedGroup[] = [
  { name: "特高压设备", aliases: [], source: CHAIN_SOURCE },
  { name: "起重机", aliases: [], source: CHAIN_SOURCE },
  { name: "车联网", aliases: [], source: CHAIN_SOURCE },
  { name: "品牌服装", aliases: [], source: CHAIN_SOURCE },
  { name: "先进碳材料", aliases: [], source: CHAIN_SOURCE },
  { name: "生物医药", aliases: [], source: CHAIN_SOURCE },
  { name: "集成电路", aliases: [], source: CHAIN_SOURCE },
  { name: "高技术船舶", aliases: [], source: CHAIN_SOURCE },
  { name: "轨道交通装备", aliases: [], source: CHAIN_SOURCE },
  { name: "“大数据+”", aliases: ["大数据+"], source: CHAIN_SOURCE },
];
