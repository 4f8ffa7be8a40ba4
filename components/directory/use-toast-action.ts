"use client";

import { useState, useTransition, type FormEvent } from "react";
import type { ActionError, ActionState } from "@/app/_server/validated-action";
import { useToast } from "@/components/ui/toast";

export type FormAction = (prev: ActionState | undefined, form: FormData) => Promise<ActionState>;

/**
 * Runs a server action from a form's submit event (not `<form action>`, which
 * would reset what the person typed even when the server refuses it),
 * confirms success in a toast and keeps the error for the form to show.
 */
export function useToastAction(action: FormAction, onOk?: () => void) {
  const toast = useToast();
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await action(undefined, form);
      if (result.status === "ok") {
        setError(null);
        toast.show(result.message);
        onOk?.();
      } else if (result.status === "error") {
        setError(result.error);
      }
    });
  }
  return { submit, pending, error, clearError: () => setError(null) };
}
