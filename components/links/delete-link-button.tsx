"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { deleteLinkAction } from "@/app/w/[slug]/statements/[id]/actions";

export function DeleteLinkButton({ slug, linkId, label }: { slug: string; linkId: number; label: string }) {
  const [pending, start] = useTransition();
  const toast = useToast();
  const router = useRouter();
  return (
    <Button size="sm" variant="ghost" disabled={pending} aria-label={label} onClick={() => start(async () => {
      const result = await deleteLinkAction(undefined, { slug, id: linkId });
      if (result.status === "error") toast.show(result.error.message, { tone: "error" });
      else if (result.status === "ok") { toast.show(result.message); router.refresh(); }
    })}>
      Remove
    </Button>
  );
}
