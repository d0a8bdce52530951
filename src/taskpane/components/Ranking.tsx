/**
 * 推荐排序与名额: the rows that can be recommended, in the order the places go now; the clerk moves
 * them and ticks which take the places. Nothing is written until she confirms; a confirmed ranking
 * can be taken back (the cells as they were).
 */
import * as React from "react";
import { Button, Caption1, Checkbox, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../workbook/i18n";
import type { RankingView } from "../../workbook/session";
import { paneText } from "../text";
import { Paged } from "./Layout";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "6px" },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  item: {
    display: "grid",
    gridTemplateColumns: "2.2em 1fr auto",
    alignItems: "center",
    gap: "4px",
    padding: "4px 0",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  placed: { backgroundColor: tokens.colorNeutralBackground2 },
  pos: { fontWeight: tokens.fontWeightSemibold, textAlign: "right" },
  name: { minWidth: 0, overflowWrap: "anywhere", display: "flex", flexDirection: "column" },
  moves: { display: "flex", alignItems: "center" },
  line: { borderTop: `2px solid ${tokens.colorBrandStroke1}`, padding: "2px 0", color: tokens.colorBrandForeground1 },
  buttons: { display: "flex", gap: "8px", flexWrap: "wrap" },
  small: { color: tokens.colorNeutralForeground3 },
});

export function RankingPanel({
  view,
  lang,
  disabled,
  onConfirm,
  onUndo,
  onSelectRow,
}: {
  view: RankingView;
  lang: Lang;
  disabled: boolean;
  onConfirm: (order: number[]) => void;
  onUndo: () => void;
  onSelectRow: (row: number) => void;
}) {
  const st = useStyles();
  const t = paneText(lang);
  const initial = React.useMemo(() => view.rows.map((r) => r.row), [view]);
  const [kept, setOrder] = React.useState<number[]>(initial);
  React.useEffect(() => setOrder(initial), [initial]);
  const byRow = React.useMemo(() => new Map(view.rows.map((r) => [r.row, r])), [view]);
  // A new check renders once before the effect resets the order: never show rows the check no longer has.
  const order = kept.length === initial.length && kept.every((r) => byRow.has(r)) ? kept : initial;
  const q = view.quota;
  const changed = order.some((r, i) => r !== initial[i]);

  const move = (from: number, to: number) =>
    setOrder((o) => {
      if (to < 0 || to >= o.length) return o;
      const next = [...o];
      const [row] = next.splice(from, 1);
      next.splice(to, 0, row);
      return next;
    });
  // Ticking a row gives it the last place (the last placed row gives its up); unticking puts it first after the places.
  const togglePlace = (index: number) => {
    if (q === null) return;
    move(index, index < q ? q : Math.max(0, q - 1));
  };

  if (view.rows.length === 0) return <Caption1 data-testid="ranking-empty">{t.rankingNone}</Caption1>;
  return (
    <div className={st.root} data-testid="ranking-panel">
      <Caption1>{t.rankingIntro(lang === "en" ? view.labelEn : view.label, view.rows.length, q, view.failingRows.length)}</Caption1>
      <Caption1 className={st.small}>{view.rankColumn ? t.rankingWrites(view.rankColumn) : t.rankingNoColumn}</Caption1>
      <ol className={st.list} aria-label={t.rankingTitle} data-testid="ranking-list">
        <Paged
          items={order}
          lang={lang}
          testId="ranking-more"
          render={(row, i) => {
            const r = byRow.get(row)!;
            const placed = q === null || i < q;
            return (
              <React.Fragment key={row}>
                {q !== null && i === q && (
                  <li className={st.line} aria-hidden="true">
                    <Caption1>{t.rankingLine(q)}</Caption1>
                  </li>
                )}
                <li className={`${st.item} ${placed ? st.placed : ""}`} data-testid="ranking-row" data-row={row} data-placed={placed ? "true" : "false"}>
                  <span className={st.pos}>{i + 1}</span>
                  <span className={st.name}>
                    <Button size="small" appearance="transparent" onClick={() => onSelectRow(row)} style={{ justifyContent: "flex-start", padding: 0, minWidth: 0, textAlign: "left" }}>
                      {t.rowLabel(row)} {r.enterprise || t.noEnterprise}
                    </Button>
                    {view.rankColumn && <Caption1 className={st.small}>{t.rankNow(r.rank)}</Caption1>}
                  </span>
                  <span className={st.moves}>
                    {q !== null && (
                      <Checkbox checked={placed} onChange={() => togglePlace(i)} disabled={disabled} label={t.takesPlace} aria-label={`${t.takesPlace}：${t.rowLabel(row)}`} />
                    )}
                    <Button size="small" appearance="subtle" disabled={disabled || i === 0} onClick={() => move(i, i - 1)} aria-label={t.moveUp(row)} title={t.moveUp(row)} data-testid="ranking-up">
                      ↑
                    </Button>
                    <Button size="small" appearance="subtle" disabled={disabled || i === order.length - 1} onClick={() => move(i, i + 1)} aria-label={t.moveDown(row)} title={t.moveDown(row)} data-testid="ranking-down">
                      ↓
                    </Button>
                  </span>
                </li>
              </React.Fragment>
            );
          }}
        />
      </ol>
      <div className={st.buttons}>
        <Button appearance="primary" disabled={disabled} onClick={() => onConfirm(order)} data-testid="ranking-confirm">
          {view.rankColumn ? t.rankingConfirm : t.rankingConfirmKeep}
        </Button>
        {changed && (
          <Button disabled={disabled} onClick={() => setOrder(initial)} data-testid="ranking-reset">
            {t.rankingReset}
          </Button>
        )}
        {view.canUndo && (
          <Button disabled={disabled} onClick={onUndo} data-testid="ranking-undo">
            {t.rankingUndo}
          </Button>
        )}
      </div>
      {view.canUndo && (
        <MessageBar intent="success" data-testid="ranking-done">
          <MessageBarBody>{view.rankColumn ? t.rankingWritten(view.rankColumn) : t.rankingKept}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
