/** Types of scripts/build-html.mjs (for the tests that build the sidebar). */
export function bundleSidebarClient(root?: string): Promise<string>;
export function inlineSidebar(template: string, css: string, js: string): string;
export function buildSidebarHtml(options?: { root?: string; outDir?: string }): Promise<string>;
