/**
 * Pieces for a narrow pane: a section whose heading folds it, and a list shown a page at a time
 * with its count (a 2,000-row list must not become 10,000 nodes nor a 185,000 px page).
 */
import * as React from "react";
import { Button, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../workbook/i18n";
import { paneText } from "../text";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "6px", marginTop: "12px", scrollMarginTop: "56px" },
  head: { display: "flex", alignItems: "center", gap: "4px", minWidth: 0 },
  toggle: { minWidth: 0, padding: "0 2px", justifyContent: "flex-start", textAlign: "left", flex: 1 },
  more: { display: "flex", alignItems: "center", gap: "8px", flexWrap: "wrap" },
  small: { color: tokens.colorNeutralForeground3 },
});

/** A section of the pane with a heading that folds it; folded, its body is not rendered at all. */
export const Section = React.forwardRef<
  HTMLElement,
  { title: string; testId?: string; defaultOpen?: boolean; badge?: React.ReactNode; lang: Lang; children: React.ReactNode }
>(function Section({ title, testId, defaultOpen = true, badge, lang, children }, ref) {
  const st = useStyles();
  const [open, setOpen] = React.useState(defaultOpen);
  const bodyId = React.useId();
  const t = paneText(lang);
  return (
    <section className={st.section} aria-label={title} data-testid={testId} ref={ref}>
      <div className={st.head}>
        <Button
          appearance="transparent"
          className={st.toggle}
          icon={<span aria-hidden="true">{open ? "▾" : "▸"}</span>}
          aria-expanded={open}
          aria-controls={bodyId}
          title={open ? t.collapse : t.expand}
          onClick={() => setOpen((o) => !o)}
          data-testid={testId ? `${testId}-toggle` : undefined}
        >
          <Subtitle2 as="h2">{title}</Subtitle2>
        </Button>
        {badge}
      </div>
      <div id={bodyId} hidden={!open}>
        {open && children}
      </div>
    </section>
  );
});

export const PAGE = 20;

/** The first `PAGE` items, then 50 more per click, with "显示 n / total". */
export function Paged<T>({ items, lang, render, testId, page = PAGE }: { items: readonly T[]; lang: Lang; render: (item: T, index: number) => React.ReactNode; testId?: string; page?: number }) {
  const st = useStyles();
  const t = paneText(lang);
  const [shown, setShown] = React.useState(page);
  const visible = items.slice(0, shown);
  return (
    <>
      {visible.map(render)}
      {items.length > page && (
        <div className={st.more} data-testid={testId}>
          <Caption1 className={st.small}>{t.showing(visible.length, items.length)}</Caption1>
          {items.length > shown && (
            <Button size="small" appearance="subtle" onClick={() => setShown((n) => n + 50)}>
              {t.showMore(items.length - shown)}
            </Button>
          )}
        </div>
      )}
    </>
  );
}
