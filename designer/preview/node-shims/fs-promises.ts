// The spam classifier's module also loads and saves model files with node:fs/promises, which the preview never
// calls (it hands the bundled model to the node directly). vite.config.ts points node:fs/promises here for the
// designer's build, so a call would say plainly that there are no files in a browser.
function noFiles(): never {
  throw new Error('There is no file system in the browser; the preview reads only the files bundled with it.');
}

export const readFile = noFiles;
export const writeFile = noFiles;
