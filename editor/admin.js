// Starts Sveltia CMS with the configuration warta/editor.py made for this unit and the contract's file format.
import { fromFile, toFile } from "./warta-format.js";

const settings = await (await fetch("warta.json", { cache: "no-cache" })).json();
window.CMS_MANUAL_INIT = true;
if (settings.local) (await import("./local-folder.js")).useWorkingTree();

await new Promise((loaded, failed) => {
  const script = document.createElement("script");
  script.src = "sveltia/sveltia-cms.js";
  script.onload = loaded;
  script.onerror = failed;
  document.head.append(script);
});

const { keyNames } = settings;
window.CMS.registerCustomFormat("warta", "md", {
  fromFile: (text) => fromFile(text),
  toFile: (entry) => toFile(entry, { keyNames }),
});
window.CMS.registerCustomFormat("warta-galeri", "md", {
  fromFile: (text) => fromFile(text, { gallery: true }),
  toFile: (entry) => toFile(entry, { gallery: true, keyNames }),
});
if (settings.local) {
  settings.config.site_url = `${window.location.origin}/`;
  settings.config.backend.base_url = window.location.origin;
}
window.CMS.init({ config: settings.config });
