"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { carryOverStatementsAction } from "@/app/w/[slug]/articles/[id]/actions";

/** Offered on a newer snapshot of an article whose earlier snapshot still holds statements. */
export function CarryOverBanner({ slug, articleId, count }: { slug: string; articleId: number; count: number }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  return (
    <div role="region" aria-label="Earlier snapshot" className="mb-4 flex flex-wrap items-center gap-3 rounded-lg border border-accent/50 bg-accent/5 p-3 text-sm" data-no-print>
      <p>This is a newer snapshot. The earlier one holds {count} statement{count === 1 ? "" : "s"}; carry them over and Claimline finds each in this text (exactly, moved or approximately — or lists it as orphaned).</p>
      <Button variant="primary" size="sm" disabled={pending} onClick={() => start(async () => {
        const r = await carryOverStatementsAction(undefined, { slug, articleId });
        toast.show(r.status === "ok" ? r.message : r.status === "error" ? r.error.message : "", { tone: r.status === "ok" ? "info" : "error" });
        router.refresh();
      })}>{pending ? "Carrying over…" : `Carry over ${count} statement${count === 1 ? "" : "s"}`}</Button>
    </div>
  );
}
