"use client";

import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";

type Toast = { id: number; message: string; tone: "info" | "error"; undo?: () => void };
type ToastApi = { show: (message: string, opts?: { tone?: Toast["tone"]; undo?: () => void }) => void };

const ToastContext = createContext<ToastApi>({ show: () => {} });

/** Saves are confirmed in a polite live region; errors assertively. An "Undo" appears where an action can be undone. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((t) => t.filter((x) => x.id !== id)), []);
  const show = useCallback<ToastApi["show"]>((message, opts) => {
    const id = next.current++;
    setToasts((t) => [...t.slice(-2), { id, message, tone: opts?.tone ?? "info", undo: opts?.undo }]);
    setTimeout(() => dismiss(id), opts?.undo ? 8000 : 4000);
  }, [dismiss]);
  const api = useMemo(() => ({ show }), [show]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="pointer-events-none fixed bottom-4 right-4 z-50 flex flex-col gap-2" data-no-print>
        <div role="status" aria-live="polite" className="flex flex-col gap-2">
          {toasts.filter((t) => t.tone === "info").map((t) => <ToastView key={t.id} toast={t} onClose={dismiss} />)}
        </div>
        <div role="alert" aria-live="assertive" className="flex flex-col gap-2">
          {toasts.filter((t) => t.tone === "error").map((t) => <ToastView key={t.id} toast={t} onClose={dismiss} />)}
        </div>
      </div>
    </ToastContext.Provider>
  );
}

function ToastView({ toast, onClose }: { toast: Toast; onClose: (id: number) => void }) {
  return (
    <div className={`pointer-events-auto flex items-center gap-3 rounded-md border bg-panel px-4 py-2 text-sm shadow-lg ${toast.tone === "error" ? "border-danger text-danger" : "border-line"}`}>
      <span>{toast.message}</span>
      {toast.undo ? (
        <button type="button" className="font-semibold text-accent underline" onClick={() => { toast.undo?.(); onClose(toast.id); }}>Undo</button>
      ) : null}
      <button type="button" aria-label="Dismiss notification" className="text-muted" onClick={() => onClose(toast.id)}>×</button>
    </div>
  );
}

export function useToast() {
  return useContext(ToastContext);
}
