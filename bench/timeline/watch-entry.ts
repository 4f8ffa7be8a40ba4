// Bundled by esbuild and injected with page.addInitScript after the markers are set.
import { installWatch } from "./watch";

const markers = (window as unknown as { __benchMarkers: [string, string] }).__benchMarkers;
installWatch(markers[0], markers[1]);
