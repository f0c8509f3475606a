// Tells parts of the page when they come into view or leave it (with a margin, so they are ready a
// moment before a person scrolls to them).
export function watchOnScreen(parts: [Element, (onScreen: boolean) => void][]): void {
  const callbacks = new Map(parts);
  const observer = new IntersectionObserver(
    (entries) => {
      for (const e of entries) callbacks.get(e.target)?.(e.isIntersecting);
    },
    { rootMargin: '200px 0px' },
  );
  for (const [el] of parts) observer.observe(el);
}
