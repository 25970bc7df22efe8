"use client";
import { useEffect, useRef, useState } from "react";
import type { TLayoutInput, TLayoutResult } from "@/lib/graph/layout";

export type TLayoutState =
  | { status: "running"; result: null }
  | { status: "done"; result: TLayoutResult; key: string }
  | { status: "error"; result: null; message: string };

type TAnswer = { id: number; result?: TLayoutResult; error?: string };

/**
 * Lays `input` out in a Web Worker whenever `key` changes (an empty key waits). While a new layout runs, the last
 * one stays in `laidOut`, so a live change redraws in place instead of blanking the canvas.
 */
export function useGraphLayout(input: TLayoutInput, key: string): { state: TLayoutState; laidOut: { result: TLayoutResult; key: string } | null } {
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);
  const [state, setState] = useState<TLayoutState>({ status: "running", result: null });
  const [laidOut, setLaidOut] = useState<{ result: TLayoutResult; key: string } | null>(null);
  const inputRef = useRef(input);
  inputRef.current = input;

  useEffect(() => {
    let failed: string | null = null;
    try {
      worker.current = new Worker(new URL("./layout.worker.ts", import.meta.url));
    } catch (error) {
      failed = error instanceof Error ? error.message : String(error);
    }
    const current = worker.current;
    if (!current) {
      setState({ status: "error", result: null, message: failed ?? "This browser could not start the layout." });
      return;
    }
    current.onerror = (event) => {
      event.preventDefault();
      setState({ status: "error", result: null, message: event.message || "The layout could not be loaded." });
    };
    return () => {
      current.terminate();
      worker.current = null;
    };
  }, []);

  useEffect(() => {
    const current = worker.current;
    if (!current || !key) return;
    const id = ++latest.current;
    setState({ status: "running", result: null });
    const onMessage = (event: MessageEvent<TAnswer>) => {
      // An older request answering late is ignored: only the newest graph is drawn.
      if (event.data.id !== latest.current) return;
      if (event.data.result) {
        const done = { result: event.data.result, key };
        setLaidOut(done);
        setState({ status: "done", ...done });
      } else {
        setState({ status: "error", result: null, message: event.data.error ?? "The layout failed." });
      }
    };
    current.addEventListener("message", onMessage);
    current.postMessage({ id, input: inputRef.current });
    return () => current.removeEventListener("message", onMessage);
  }, [key]);

  return { state, laidOut };
}
