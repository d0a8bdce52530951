/** A certificate held and valid past a date (两化融合管理体系贯标). */
import { z } from "zod";
import { dayNumber, parseIsoDate, type PartialDate } from "../../readers";
import { Clause, FieldId, IsoDate, RuleSource } from "../../schema-atoms";
import { addFinding, fieldLabel, hasColumn, shownOf, value, type CertificateStatus, type CheckContext, type RowData } from "../context";
import { latest, shownDate } from "../dates";
import { defineRowKind } from "../kind";
import { fieldRef, label, sentence } from "../words";

const schema = z.strictObject({
  type: z.literal("certificate"), source: RuleSource.optional(),
  status: FieldId,
  validUntil: FieldId,
  /** The validity must run past this date. */
  after: IsoDate,
  /** What the certificate is, in messages: "两化融合管理体系贯标". */
  name: z.string().min(2),
  nameEn: z.string().min(2),
  /** A text column where a row may say its evidence is attached (佐证材料), for a pending certificate. */
  evidenceField: FieldId.optional(),
  clause: Clause,
});
type R = z.output<typeof schema>;

function checkCertificate(ctx: CheckContext, row: RowData, rule: R): void {
  const status = value<CertificateStatus>(row, rule.status);
  if (!status) return;
  const after = parseIsoDate(rule.after);
  if (status === "no") {
    addFinding(ctx, {
      code: "certificate-invalid",
      severity: "error",
      row,
      field: rule.status,
      value: shownOf(ctx, row, rule.status),
      message: `未通过${rule.name}（填“${shownOf(ctx, row, rule.status)}”）：须通过${rule.name}并提供证书`,
      messageEn: `Not certified (${rule.nameEn}): the certificate is required`,
      clause: rule.clause,
    });
    return;
  }
  if (status === "pending") {
    const evidence = rule.evidenceField !== undefined && /佐证/u.test(value<string>(row, rule.evidenceField) ?? "");
    addFinding(ctx, {
      code: "certificate-invalid",
      severity: "warning",
      row,
      field: rule.status,
      value: shownOf(ctx, row, rule.status),
      message: `已通过${rule.name}但证书尚未下发：${evidence ? `“${fieldLabel(ctx, rule.evidenceField!)}”称已附佐证材料，` : ""}须提供相关佐证材料，请人工核对`,
      messageEn: `Certified but the certificate is not yet issued: supporting evidence is required${evidence ? " (the remarks say it is attached)" : ""}; check it by hand`,
      hint: "核对佐证材料（如贯标评定结果公示、证书发放通知）",
      hintEn: "Check the supporting evidence",
      clause: rule.clause,
    });
    return;
  }
  const until = value<PartialDate>(row, rule.validUntil);
  if (!until) {
    if (row.unreadable.has(rule.validUntil)) return;
    const noColumn = !hasColumn(ctx, rule.validUntil);
    addFinding(ctx, {
      code: "certificate-invalid",
      severity: "warning",
      row,
      field: noColumn ? rule.status : rule.validUntil,
      message: `已通过${rule.name}，但${noColumn ? `表中没有“${fieldLabel(ctx, rule.validUntil)}”列` : `“${fieldLabel(ctx, rule.validUntil)}”未填写`}，无法核对证书有效期是否在${rule.after}之后`,
      messageEn: `Certified, but the certificate's validity is not given; it must run past ${rule.after}`,
      hint: "补填证书有效期",
      hintEn: "Fill in the certificate's validity",
      clause: rule.clause,
    });
    return;
  }
  // Month-only validity is taken at the month's last day: flag only what certainly ends too early.
  if (dayNumber(latest(until)) > dayNumber(after)) return;
  addFinding(ctx, {
    code: "certificate-invalid",
    severity: "error",
    row,
    field: rule.validUntil,
    value: shownDate(until),
    message: `${rule.name}证书有效期至${shownDate(until)}，须在${rule.after}之后`,
    messageEn: `The certificate (${rule.nameEn}) is valid until ${shownDate(until)}; it must run past ${rule.after}`,
    hint: "提供换发后的有效证书",
    hintEn: "Provide a renewed certificate",
    clause: rule.clause,
  });
}

export const certificate = defineRowKind({
  place: "row",
  type: "certificate",
  schema,
  name: ["证书有效期", "Certificate validity"],
  codes: { "certificate-invalid": ["证书不符合要求", "Certificate invalid"] },
  refs: (r) => ({ fields: [...fieldRef("status", r.status), ...fieldRef("validUntil", r.validUntil), ...fieldRef("evidenceField", r.evidenceField)], settings: [] }),
  check: checkCertificate,
  describe: (r, p) => sentence(r, `须通过${r.name}（${label(p, r.status)}）；证书有效期（${label(p, r.validUntil)}）须在${r.after}之后；已通过但证书尚未下发的须有佐证材料（警告）`),
  unchecked: (r) => [
    { zh: `是否通过${r.name}`, anyOf: [r.status] },
    { zh: `${r.name}证书有效期在${r.after}之后`, anyOf: [r.validUntil] },
  ],
  summary: (r) => `${r.name}证书有效期须在${r.after}之后`,
  editable: [
    { path: ["after"], kind: "date", zh: "证书有效期须在此日之后", en: "Certificate valid past" },
    { path: ["name"], kind: "text", zh: "证书名称", en: "Certificate name" },
  ],
});
