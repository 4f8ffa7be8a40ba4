// Browser code injected before any page script (page.addInitScript): the
// same "is this row painted on screen" test for every contender, so the
// static list, Claimline, vis-timeline and TimelineJS are judged alike.
export function installWatch(firstMarker: string, lastMarker: string) {
  const w = window as unknown as Record<string, unknown>;

  /** A text node containing the marker whose element has a box inside the viewport and is not hidden. */
  function onScreen(marker: string): boolean {
    const hits = document.evaluate(`//text()[contains(., '${marker}')]`, document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
    for (let i = 0; i < hits.snapshotLength; i++) {
      const el = hits.snapshotItem(i)!.parentElement;
      if (!el) continue;
      const b = el.getBoundingClientRect();
      if (b.width > 0 && b.height > 0 && b.bottom > 0 && b.top < innerHeight && b.right > 0 && b.left < innerWidth
        && getComputedStyle(el).visibility !== "hidden") return true;
    }
    return false;
  }

  /** Resolves with performance.now() (ms since navigation start) in the first frame where the marker is on screen. */
  function when(marker: string, eachFrame?: () => void): Promise<number> {
    return new Promise((resolve) => {
      const tick = () => {
        if (document.body && onScreen(marker)) {
          void document.body.offsetHeight;
          resolve(performance.now());
          return;
        }
        eachFrame?.();
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  }

  /** The generic way to the end: scroll the biggest scroller (the document or an inner list) to its bottom, every frame. */
  function scrollToBottom() {
    let scroller: Element = document.scrollingElement ?? document.documentElement;
    let best = scroller.scrollHeight - scroller.clientHeight;
    for (const el of document.querySelectorAll("*")) {
      const room = el.scrollHeight - el.clientHeight;
      if (room > best && /(auto|scroll)/.test(getComputedStyle(el).overflowY)) [scroller, best] = [el, room];
    }
    scroller.scrollTop = scroller.scrollHeight;
  }

  w.__firstScreen = null;
  void when(firstMarker).then((t) => (w.__firstScreen = t));
  w.__scrollToEnd = async () => {
    const goToEnd = (w.__benchGoToEnd as (() => void) | undefined) ?? scrollToBottom;
    const t0 = performance.now();
    goToEnd();
    return (await when(lastMarker, w.__benchGoToEnd ? undefined : scrollToBottom)) - t0;
  };
}
