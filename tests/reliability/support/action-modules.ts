import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../../..");

/** Every server-action module under app/ ("use server" files named actions.ts), as paths relative to the repo. */
export function actionModules(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/^actions\.tsx?$/.test(entry.name) && /^\s*["']use server["']/.test(fs.readFileSync(p, "utf8"))) out.push(path.relative(root, p));
    }
  };
  walk(path.join(root, "app"));
  return out.sort();
}

export const repoPath = (relative: string) => path.join(root, relative);
