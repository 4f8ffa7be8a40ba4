import { ImageResponse } from "next/og";
import { getDb } from "@/db";
import { getSharedTimelineByToken } from "@/db/queries/timelines";
import { describeTimelineView } from "@/lib/timeline/describe";

export const alt = "A Claimline timeline: its title and how many flags it shows";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

/** The preview a chat app shows for a shared link. Default font only: no network, no font files. */
export default async function OpenGraphImage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const shared = getSharedTimelineByToken(getDb(), { token });
  if (!shared) return new Response("Not found", { status: 404 });
  const flags = shared.data.flags.length;
  const inWords = describeTimelineView(shared.view, shared.names, shared.data.span);
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between", padding: 64, background: "#fbfaf7", color: "#1d1b18" }}>
        <div style={{ display: "flex", fontSize: 28, color: "#0b5c8f", fontWeight: 700 }}>Claimline · shared timeline</div>
        <div style={{ display: "flex", flexDirection: "column" }}>
          <div style={{ display: "flex", fontSize: 60, fontWeight: 700, lineHeight: 1.15 }}>{shared.title.slice(0, 120)}</div>
          <div style={{ display: "flex", fontSize: 30, marginTop: 20, color: "#5c5750" }}>{inWords.slice(0, 140)}</div>
        </div>
        <div style={{ display: "flex", alignItems: "center", fontSize: 40, fontWeight: 700 }}>
          <div style={{ display: "flex", padding: "8px 24px", borderRadius: 999, border: "4px solid #a3320b", color: "#a3320b" }}>
            {flags} {flags === 1 ? "flag" : "flags"}
          </div>
          <div style={{ display: "flex", marginLeft: 24, fontSize: 30, color: "#5c5750" }}>{shared.data.statements.length} statements</div>
        </div>
      </div>
    ),
    size,
  );
}
