/** The JSON Schema of a programme file, from the zod schema itself (scripts/programme-schema.ts ships it). */
import { z } from "zod";
import { BUNDLE_FORMAT, BUNDLE_VERSION, ProgrammeBundleSchema } from "./bundle";

export function programmeSchemaText(): string {
  const schema = z.toJSONSchema(ProgrammeBundleSchema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;
  const doc = {
    $id: "https://huizong.local/programme.schema.json",
    title: `推荐汇总助手项目定义文件 / huizong programme file (format "${BUNDLE_FORMAT}", version ${BUNDLE_VERSION})`,
    description: "由 zod 模式生成；字段引用、真实日期等交叉校验见 huizong programmes validate / generated from the zod schema; cross-references and real dates are checked by huizong programmes validate",
    ...schema,
  };
  return JSON.stringify(doc, null, 2) + "\n";
}
