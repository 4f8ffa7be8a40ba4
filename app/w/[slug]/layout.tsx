import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { findWorkspaceBySlug } from "@/db/queries/workspaces";
import { getRequestContext } from "@/app/_server/context";
import { WorkspaceNav } from "@/components/workspace/workspace-nav";

export default async function WorkspaceLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ws = findWorkspaceBySlug(getRequestContext().db, { slug });
  if (!ws) notFound();
  return (
    <>
      <nav data-chrome aria-label="Workspace" className="border-b border-line bg-panel/50">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-2">
          <span className="font-medium">{ws.name}</span>
          <WorkspaceNav slug={ws.slug} />
        </div>
      </nav>
      {children}
    </>
  );
}
