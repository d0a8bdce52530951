/**
 * What taskpane.html says when it is not running inside Excel: opened in a plain browser, or where
 * Microsoft's office.js could not load (government networks often block its CDN). Plain DOM, no
 * React or Fluent, so it shows even when little else works. Chinese first, English after.
 */
export type OutsideReason = "not-excel" | "no-office-js";

const TEXT: Record<OutsideReason, { title: string; zh: string[]; en: string[] }> = {
  "not-excel": {
    title: "推荐汇总助手需要在 Excel 中打开",
    zh: [
      "这是 Excel 加载项的任务窗格，直接在浏览器中打开时无法使用。",
      "请在 Excel 中打开：开始 → 加载项（或 插入 → 我的加载项）→ 推荐汇总助手。",
      "只想先看看：打开同一地址下的 preview.html（浏览器中的预览，带示例名单）；或使用命令行 huizong check。",
    ],
    en: [
      "This is the task pane of an Excel add-in; it does not work when opened directly in a browser.",
      "Open it in Excel: Home → Add-ins (or Insert → My Add-ins) → 推荐汇总助手.",
      "To look around first, open preview.html at the same address (the preview with a sample list), or use the huizong command line.",
    ],
  },
  "no-office-js": {
    title: "无法加载 Office 组件（office.js）",
    zh: [
      "任务窗格需要从微软服务器 appsforoffice.microsoft.com 加载 office.js，但没有加载成功：网络可能屏蔽了该地址，或当前没有联网。",
      "请联系单位网络管理员放行 https://appsforoffice.microsoft.com/ ，然后关闭并重新打开本任务窗格。",
      "在此之前，可以打开同一地址下的 checker.html（推荐汇总助手 网页版，不需要 office.js）检查区县的名单文件、下载汇总表；或使用命令行 huizong check / huizong export。",
    ],
    en: [
      "The task pane loads office.js from Microsoft (appsforoffice.microsoft.com), and it could not: the network may block that address, or there is no connection.",
      "Ask your network administrator to allow https://appsforoffice.microsoft.com/, then close and reopen this pane.",
      "Meanwhile checker.html at the same address (the web checker, which needs no office.js) checks a district's list file and downloads the summary; so does the huizong command line (huizong check / huizong export).",
    ],
  },
};

export function showOutsideExcel(root: HTMLElement, reason: OutsideReason): void {
  const t = TEXT[reason];
  const box = document.createElement("section");
  box.setAttribute("role", "alert");
  box.setAttribute("data-testid", "outside-excel");
  box.setAttribute("data-reason", reason);
  box.style.cssText = "padding:16px;line-height:1.6;font-size:14px;max-width:40em";
  const h = document.createElement("h1");
  h.style.cssText = "font-size:18px;margin:0 0 8px";
  h.textContent = t.title;
  box.append(h);
  for (const [lines, lang] of [[t.zh, "zh-CN"], [t.en, "en"]] as const) {
    for (const line of lines) {
      const p = document.createElement("p");
      p.lang = lang;
      p.style.margin = "0 0 8px";
      if (lang === "en") p.style.color = "#555";
      p.textContent = line;
      box.append(p);
    }
  }
  root.replaceChildren(box);
}
