import { lazy, Suspense, type ComponentProps, type ComponentType, type ReactNode } from "react";

/**
 * A part of a page (a tab other than the first, a dialog) whose code loads when it is first drawn,
 * so the page's first load carries only what the page shows at once. `fallback` stands in meanwhile.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any props: the loaded component's own are kept
export function lazyComponent<K extends string, C extends ComponentType<any>>(
  load: () => Promise<Record<K, C>>,
  name: K,
  fallback: ReactNode,
): (props: ComponentProps<C>) => ReactNode {
  const Part = lazy(() => load().then((module) => ({ default: module[name] })));
  return function LazyPart(props: ComponentProps<C>): ReactNode {
    return (
      <Suspense fallback={fallback}>
        <Part {...props} />
      </Suspense>
    );
  };
}
